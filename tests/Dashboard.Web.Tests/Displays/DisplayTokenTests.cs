using Dashboard.Core;
using Dashboard.Core.Displays;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Displays;

public sealed class DisplayTokenTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private DisplayTokenService Tokens => app.Services.GetRequiredService<DisplayTokenService>();

    [Fact]
    public async Task A_new_token_opens_its_jurisdiction_and_playlist_and_only_its_hash_is_stored()
    {
        var token = await Tokens.CreateAsync(" 一楼大厅 ", "S001", [KioskScene.Statistics, KioskScene.Map], 20, "admin");

        var session = await Tokens.OpenAsync(token);

        Assert.NotNull(session);
        Assert.Equal("一楼大厅", session.Name);
        Assert.Equal("/T001/S001/", session.Scope.Path);
        Assert.Equal([KioskScene.Statistics, KioskScene.Map], session.Playlist);
        Assert.Equal(TimeSpan.FromSeconds(20), session.Interval);
        var stored = await app.QueryAsync(db => db.DisplayTokens.SingleAsync(t => t.Id == session.TokenId));
        Assert.NotEqual(token, stored.Hash);
        Assert.DoesNotContain(token, stored.Hash + stored.Prefix + stored.Name);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "display.create" && a.Target == "一楼大厅")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pad_")]
    [InlineData("pak_test_0123456789abcdef0123456789abcdef0123")]
    [InlineData("pad_0000000000000000000000000000000000000000000000000")]
    public async Task Unknown_or_malformed_tokens_open_nothing(string token) => Assert.Null(await Tokens.OpenAsync(token));

    [Fact]
    public async Task A_revoked_token_opens_nothing_and_its_open_screens_are_told_at_once()
    {
        var token = await Tokens.CreateAsync("值班室", "T001", [KioskScene.Overview], 30, "admin");
        var session = (await Tokens.OpenAsync(token))!;
        var told = new TaskCompletionSource();
        using var _ = Tokens.WatchRevocation(session.TokenId, () => told.TrySetResult());
        var other = new TaskCompletionSource();
        using var __ = Tokens.WatchRevocation(session.TokenId + 1000, () => other.TrySetResult());

        await Tokens.RevokeAsync(session.TokenId, "admin");

        Assert.True(told.Task.IsCompleted);
        Assert.False(other.Task.IsCompleted);
        Assert.Null(await Tokens.OpenAsync(token));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "display.revoke" && a.Target == "值班室")));
    }

    [Theory]
    [InlineData("", "T001", 30, 1)]
    [InlineData("大厅", "T001", 30, 0)]
    [InlineData("大厅", "T001", 5, 1)]
    [InlineData("大厅", "T001", 7200, 1)]
    [InlineData("大厅", "NOPE", 30, 1)]
    public async Task Bad_display_settings_are_refused_with_a_reason(string name, string jurisdiction, int interval, int scenes)
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Tokens.CreateAsync(name, jurisdiction, Enum.GetValues<KioskScene>().Take(scenes).ToList(), interval, "admin"));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public async Task Scenes_follow_the_clock_so_a_reloaded_screen_shows_the_same_scene()
    {
        var token = await Tokens.CreateAsync("轮播", "T001", [KioskScene.Overview, KioskScene.Disputes, KioskScene.Map], 15, "admin");
        var session = (await Tokens.OpenAsync(token))!;
        var start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 / 45 * 45);

        Assert.Equal(KioskScene.Overview, session.SceneAt(start));
        Assert.Equal(KioskScene.Overview, session.SceneAt(start.AddSeconds(14)));
        Assert.Equal(KioskScene.Disputes, session.SceneAt(start.AddSeconds(15)));
        Assert.Equal(KioskScene.Map, session.SceneAt(start.AddSeconds(30)));
        Assert.Equal(KioskScene.Overview, session.SceneAt(start.AddSeconds(45)));
        Assert.Equal(session.SceneAt(start.AddSeconds(20)), (await Tokens.OpenAsync(token))!.SceneAt(start.AddSeconds(20)));
    }
}
