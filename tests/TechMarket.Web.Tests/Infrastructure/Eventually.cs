namespace TechMarket.Web.Tests.Infrastructure;

/// <summary>Waits for the site's background work (outbox dispatch, jobs) to make a condition true: up to 30 s, polling every 100 ms.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        for (var i = 0; i < 300 && !condition(); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(condition(), what ?? "timed out waiting for the site's background work");
    }
}
