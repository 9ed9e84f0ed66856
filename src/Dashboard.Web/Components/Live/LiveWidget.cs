using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Live;

/// <summary>
/// A widget fed by <see cref="LiveState"/>: it subscribes once, reloads its own small view model when a change it cares
/// about arrives (already coalesced to ≤ 2 Hz), re-renders, and unsubscribes when it goes away.
/// </summary>
public abstract class LiveWidget : ComponentBase, IDisposable
{
    [Inject] protected LiveState Live { get; set; } = default!;
    [Parameter, EditorRequired] public JurisdictionScope Scope { get; set; } = default!;

    private IDisposable? _subscription;

    /// <summary>The kinds of change that make this widget reload.</summary>
    protected abstract LiveChange Interest { get; }

    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Live.Subscribe(change =>
        {
            if ((change & Interest) != 0) _ = InvokeAsync(ReloadAsync);
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_subscription is not null) await LoadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
