namespace Dashboard.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource.resx (Chinese, the default) and .en.resx.</summary>
public sealed class SharedResource;
