using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Storage;

/// <summary>
/// The authorization server's signing and encryption keys: generated once, stored protected in the
/// database and loaded on start, so issued tokens survive restarts and are shared by all instances.
/// </summary>
public sealed class ServerKeyStore(IServiceScopeFactory scopes, SecretProtector protector) : IConfigureOptions<OpenIddictServerOptions>
{
    private const string Signing = "sig";
    private const string Encryption = "enc";

    public void Configure(OpenIddictServerOptions options)
    {
        StartupTrace.Mark("authorization server keys: loading");
        // Side by side: on a first start each is a new RSA key pair, 0.1-0.5 s of CPU apiece (docs/benchmarks.md).
        var encryption = Task.Run(() => LoadOrCreate(Encryption));
        options.SigningCredentials.Add(new SigningCredentials(LoadOrCreate(Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption.GetAwaiter().GetResult(),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        StartupTrace.Mark("authorization server keys: loaded");
    }

    private RsaSecurityKey LoadOrCreate(string use)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = db.ServerKeys.Find(use);
        StartupTrace.Mark($"authorization server keys: {use} looked up");
        if (stored is null)
        {
            using var fresh = RSA.Create(2048);
            StartupTrace.Mark($"authorization server keys: {use} generated");
            stored = new ServerKey
            {
                Use = use,
                ProtectedKey = protector.Protect(SecretProtector.ServerKey, fresh.ExportPkcs8PrivateKeyPem()),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.ServerKeys.Add(stored);
            try
            {
                db.SaveChanges();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance stored its key first: use that one.
                db.ChangeTracker.Clear();
                stored = db.ServerKeys.Find(use)!;
            }
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(SecretProtector.ServerKey, stored.ProtectedKey));
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }
}
