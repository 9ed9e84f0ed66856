using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Units;

namespace Dashboard.Core.Tests.Live;

public sealed class UnitBoardTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    private static UnitState Loaded(string code) =>
        new(code, code, UnitKind.PatrolCar, "S001", "/T001/S001/", UnitStatus.OnDuty, 31.45, 120.62, null, null, Noon, 0);

    private static UnitMoved Moved(string code, DateTimeOffset at) =>
        new(code, UnitKind.PatrolCar, UnitStatus.Patrolling, at, 31.46, 120.63, 30, 90, "/T001/S001/");

    [Fact]
    public void Every_unit_keeps_its_own_slot_through_moves_status_changes_reloads_and_going_offline()
    {
        var board = new UnitBoard();
        board.Load([Loaded("U1"), Loaded("U2")]);
        board.Move(Moved("U3", Noon));
        var slots = Slots(board);
        Assert.Equal(3, slots.Values.Distinct().Count());

        board.Move(Moved("U1", Noon.AddSeconds(1)));
        board.SetStatus("U2", UnitStatus.Responding);
        board.Load([Loaded("U3")]);
        board.SweepOffline(Noon.AddHours(1));

        Assert.Equal(slots, Slots(board));
        Assert.All(board.InScope(new JurisdictionScope("/")), u => Assert.Equal(UnitStatus.Offline, u.Status));
    }

    private static Dictionary<string, int> Slots(UnitBoard board) =>
        board.InScope(new JurisdictionScope("/")).ToDictionary(u => u.Code, u => u.Slot);
}
