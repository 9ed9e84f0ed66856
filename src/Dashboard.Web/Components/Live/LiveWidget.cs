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
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Parameter, EditorRequired] public JurisdictionScope Scope { get; set; } = default!;

    private IDisposable? _subscription;
    private readonly CancellationTokenSource _disposed = new();
    private DateTimeOffset _lastReload;
    private int _reloadPending;

    /// <summary>The kinds of change that make this widget reload.</summary>
    protected abstract LiveChange Interest { get; }

    /// <summary>
    /// The least time between two reloads, for widgets whose load is heavier than a glance at <see cref="LiveState"/>: changes
    /// arriving sooner are folded into one reload when the interval is up. Zero reloads on every (already coalesced) change.
    /// </summary>
    protected virtual TimeSpan ReloadInterval => TimeSpan.Zero;

    protected abstract Task LoadAsync();

    // Subscribed before the first load, so nothing falls between the two; loaded once per parameter set, the first included.
    protected override void OnInitialized() => _subscription = Live.Subscribe(change =>
    {
        if ((change & Interest) != 0 && Interlocked.Exchange(ref _reloadPending, 1) == 0) _ = InvokeAsync(ReloadAsync);
    });

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task ReloadAsync()
    {
        if (_disposed.IsCancellationRequested) return;
        try
        {
            var wait = _lastReload + ReloadInterval - Clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, Clock, _disposed.Token);
            Interlocked.Exchange(ref _reloadPending, 0);
            _lastReload = Clock.GetUtcNow();
            await LoadAsync();
            StateHasChanged();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
