using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace Taazeez.Crm.Cli.Deploy;

/// <summary>How deploy authenticates: a given token, client credentials (secret from an env var) or device code.</summary>
public sealed record DeployCredentials(string? AccessToken, string ClientId, string Tenant, string? ClientSecret);

/// <summary>Acquires a Dataverse access token with MSAL.</summary>
public static class TokenProvider
{
    /// <summary>Microsoft's sample public client registered for Dataverse, used when --client-id is not given.</summary>
    public const string DefaultPublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    public static async Task<string> AcquireAsync(Uri environment, DeployCredentials credentials, Action<string> show, CancellationToken cancellation)
    {
        if (!string.IsNullOrWhiteSpace(credentials.AccessToken)) return credentials.AccessToken;
        var scopes = new[] { environment.GetLeftPart(UriPartial.Authority) + "/.default" };
        try
        {
            if (!string.IsNullOrEmpty(credentials.ClientSecret))
            {
                var app = ConfidentialClientApplicationBuilder.Create(credentials.ClientId)
                    .WithClientSecret(credentials.ClientSecret)
                    .WithTenantId(credentials.Tenant)
                    .Build();
                var result = await app.AcquireTokenForClient(scopes).ExecuteAsync(cancellation).ConfigureAwait(false);
                return result.AccessToken;
            }
            var publicApp = PublicClientApplicationBuilder.Create(credentials.ClientId)
                .WithAuthority(AzureCloudInstance.AzurePublic, credentials.Tenant)
                .WithDefaultRedirectUri()
                .Build();
            var deviceResult = await publicApp.AcquireTokenWithDeviceCode(scopes, code =>
            {
                show(code.Message);
                return Task.CompletedTask;
            }).ExecuteAsync(cancellation).ConfigureAwait(false);
            return deviceResult.AccessToken;
        }
        catch (MsalException ex)
        {
            throw new CliException($"فشل تسجيل الدخول: {ex.ErrorCode}", $"Sign-in failed: {ex.ErrorCode}: {ex.Message}", ExitCodes.ImportFailed, ex);
        }
    }
}
