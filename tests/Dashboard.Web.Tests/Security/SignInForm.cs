using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Security;

/// <summary>Signs a cookie-keeping client in through the real form, as a browser would.</summary>
public static partial class SignInForm
{
    public static HttpClient Browser(DashboardAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Fetches the form (for its antiforgery token and cookie) and posts it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string user, string password, string? returnUrl = null)
    {
        var form = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["ReturnUrl"] = returnUrl ?? "", ["__RequestVerificationToken"] = token,
        };
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
