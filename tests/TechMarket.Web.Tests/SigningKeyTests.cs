using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TechMarket.Web.Tests;

public sealed class SigningKeyTests
{
    [Fact]
    public void Outside_development_the_site_refuses_to_start_without_certificate_files()
    {
        var data = Path.Combine(Path.GetTempPath(), "techmarket-tests", Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("TechMarket:DataPath", data);
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        var message = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0].Message : error.Message;
        Assert.Contains("Identity:SigningCertificate:Path", message, StringComparison.Ordinal);
        Assert.Contains("未配置令牌签名", message, StringComparison.Ordinal);
    }
}
