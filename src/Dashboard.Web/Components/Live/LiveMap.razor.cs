using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Live;

/// <summary>
/// The Leaflet map. Positions bypass the render tree: on each coalesced change (≤ 2 Hz) only the units changed since the
/// last push go to the browser, as compact arrays the JS module applies once per animation frame.
/// </summary>
public sealed partial class LiveMap : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan NewFor = TimeSpan.FromSeconds(30);

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private LiveState Live { get; set; } = default!;
    [Inject] private MapLayers Layers { get; set; } = default!;
    [Inject] private IOptions<MapOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public JurisdictionScope Scope { get; set; } = default!;
    [Parameter] public string Theme { get; set; } = "dark";
    [Parameter] public EventCallback<long> AlarmClicked { get; set; }

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _map;
    private DotNetObjectReference<LiveMap>? _self;
    private readonly UnitDeltaPacker _packer = new();
    private IDisposable? _subscription;
    private long _unitVersion;
    private LiveChange _pending;
    private bool _pushing;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "/shared/js/map.js");
        var layers = await Layers.ForAsync(Scope);
        _map = await _module.InvokeAsync<IJSObjectReference>("createMap", _element,
            InteropJson.Of(Options.Value.ForMap(Theme, layers.Center)), _self);
        await _map.InvokeVoidAsync("setJurisdiction", InteropJson.Of(layers));
        await PushAsync(LiveChange.Units | LiveChange.Alarms);
        _subscription = Live.Subscribe(change => _ = InvokeAsync(() => PushAsync(change)));
    }

    /// <summary>Highlights units (e.g. the nearest free ones to a selected alarm) and centres on a point.</summary>
    public async Task FocusAsync(double lat, double lon, IEnumerable<string> unitCodes)
    {
        if (_map is null) return;
        await _map.InvokeVoidAsync("focus", lat, lon);
        await _map.InvokeVoidAsync("highlightUnits", unitCodes.ToArray());
    }

    public async Task ClearHighlightAsync()
    {
        if (_map is not null) await _map.InvokeVoidAsync("highlightUnits", Array.Empty<string>());
    }

    [JSInvokable]
    public Task OnAlarmClicked(long id) => AlarmClicked.InvokeAsync(id);

    // Runs on the circuit's dispatcher. A change that arrives while a push awaits the browser is kept and pushed right
    // after it, never dropped: a quiet map may get no further notification to catch up on.
    private async Task PushAsync(LiveChange change)
    {
        _pending |= change & (LiveChange.Units | LiveChange.Alarms);
        if (_map is null || _pushing) return;
        _pushing = true;
        try
        {
            while (_pending != 0)
            {
                var next = _pending;
                _pending = 0;
                if (next.HasFlag(LiveChange.Units)) await PushUnitsAsync();
                if (next.HasFlag(LiveChange.Alarms)) await PushAlarmsAsync();
            }
        }
        catch (JSDisconnectedException) { }
        catch (Exception ex) { await DispatchExceptionAsync(ex); }
        finally { _pushing = false; }
    }

    private async Task PushUnitsAsync()
    {
        var changed = new List<UnitState>();
        var version = Live.Units.ChangedSince(_unitVersion, Scope, changed);
        if (changed.Count > 0) await _map!.InvokeVoidAsync("applyPackedUnits", _packer.Pack(changed));
        _unitVersion = version;
    }

    private async Task PushAlarmsAsync()
    {
        var now = Clock.GetUtcNow();
        var open = Live.Alarms.Open(Scope, now.AddHours(-24)).Where(a => a.Lat is not null && a.Lon is not null)
            .Select(a => new { id = a.Id, externalId = a.ExternalId, lat = a.Lat, lon = a.Lon, category = a.Category,
                priority = a.Priority, summary = a.Summary, isNew = now - a.ReceivedAt < NewFor });
        await _map!.InvokeVoidAsync("setAlarms", InteropJson.Of(open));
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        try
        {
            if (_map is not null) { await _map.InvokeVoidAsync("dispose"); await _map.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
