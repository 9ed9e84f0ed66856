using System.Net;
using System.Security.Claims;
using Dashboard.Core.Security;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Security;

public sealed class SignInTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password, string? returnUrl = null) =>
        DashboardAppFactory.SignInAsync(browser, user, password, returnUrl);

    [Fact]
    public async Task A_leader_signs_in_lands_on_the_overview_and_the_sign_in_is_audited()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, "leader", DashboardAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Actor == "leader" && a.Action == "login" && a.Success)));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_audited_as_a_failure()
    {
        var response = await SignInAsync(Browser(), "staff1", "wrong-password");

        Assert.Contains("error=invalid", response.Headers.Location?.OriginalString);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Actor == "staff1" && a.Action == "login" && !a.Success)));
        var page = await Browser().GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("用户名或密码错误", page);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_30_minutes_even_against_the_right_password()
    {
        for (var i = 0; i < 5; i++) await SignInAsync(Browser(), "officer1", "wrong-password");
        var response = await SignInAsync(Browser(), "officer1", DashboardAppFactory.Password);

        Assert.Contains("error=locked", response.Headers.Location?.OriginalString);
        var lockoutEnd = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "officer1").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange((lockoutEnd.Value - DateTimeOffset.UtcNow).TotalMinutes, 25, 31);
    }

    [Fact]
    public async Task Thirty_minutes_without_activity_ends_the_session()
    {
        var browser = Browser();
        await SignInAsync(browser, "chief1", DashboardAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Activity_within_the_window_keeps_the_session_alive()
    {
        var browser = Browser();
        await SignInAsync(browser, "chief2", DashboardAppFactory.Password);
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/account/keepalive", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_with_their_destination()
    {
        var response = await Browser().GetAsync("/admin/api-keys");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fapi-keys", response.Headers.Location?.Query);
    }

    [Fact]
    public async Task The_admin_lands_on_key_management_and_a_staff_member_is_denied_it()
    {
        var admin = Browser();
        Assert.Equal("/admin/api-keys", (await SignInAsync(admin, "admin", DashboardAppFactory.Password)).Headers.Location?.OriginalString);
        Assert.Contains("接口密钥管理", await admin.GetStringAsync("/admin/api-keys"));

        var staff = Browser();
        await SignInAsync(staff, "staff1", DashboardAppFactory.Password);
        var denied = await staff.GetAsync("/admin/api-keys");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/denied", denied.Headers.Location?.AbsolutePath);
        Assert.Contains("无权访问", await staff.GetStringAsync(denied.Headers.Location!.PathAndQuery));
    }

    [Fact]
    public async Task A_return_url_is_honoured_only_when_it_stays_on_this_site()
    {
        Assert.Equal("/admin/api-keys", (await SignInAsync(Browser(), "admin", DashboardAppFactory.Password, "/admin/api-keys")).Headers.Location?.OriginalString);
        Assert.Equal("/", (await SignInAsync(Browser(), "leader", DashboardAppFactory.Password, "//evil.example/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public void Display_screens_are_exempt_from_the_idle_timeout_people_are_not()
    {
        var now = DateTimeOffset.UtcNow;
        ClaimsPrincipal As(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        Assert.True(IdleTimeoutAuthenticationStateProvider.IsStillValid(As(Roles.Display), now.AddHours(-5), now));
        Assert.False(IdleTimeoutAuthenticationStateProvider.IsStillValid(As(Roles.Leader), now.AddMinutes(-31), now));
        Assert.True(IdleTimeoutAuthenticationStateProvider.IsStillValid(As(Roles.Leader), now.AddMinutes(-29), now));
    }
}
