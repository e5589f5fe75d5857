using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Architecture;

public sealed class DomainDependencyTests
{
    [Fact]
    public void Domain_references_no_framework_or_persistence_assembly()
    {
        var references = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        var forbidden = references.Where(name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) ||
            name.StartsWith("Npgsql", StringComparison.Ordinal) ||
            name.StartsWith("Lucene", StringComparison.Ordinal) ||
            name.StartsWith("Elastic", StringComparison.Ordinal) ||
            name.StartsWith("Stripe", StringComparison.Ordinal)).ToList();
        Assert.Empty(forbidden);
    }
}
