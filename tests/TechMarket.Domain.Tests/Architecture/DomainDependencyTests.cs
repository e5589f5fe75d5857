using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Architecture;

public sealed class DomainDependencyTests
{
    [Fact]
    public void Domain_references_no_framework_or_persistence_assembly()
    {
        var references = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.Empty(Forbidden(references));
    }

    [Fact]
    public void Workflow_library_brings_no_framework_with_it()
    {
        // Stateless defines the pledge workflow inside the domain; it must stay free of framework references too.
        var stateless = typeof(Stateless.StateMachine<,>).Assembly;
        Assert.Contains(typeof(Money).Assembly.GetReferencedAssemblies(), a => a.Name == stateless.GetName().Name);
        Assert.Empty(Forbidden(stateless.GetReferencedAssemblies().Select(a => a.Name!)));
    }

    private static List<string> Forbidden(IEnumerable<string> references) =>
        references.Where(name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) ||
            name.StartsWith("Npgsql", StringComparison.Ordinal) ||
            name.StartsWith("Lucene", StringComparison.Ordinal) ||
            name.StartsWith("Elastic", StringComparison.Ordinal) ||
            name.StartsWith("Stripe", StringComparison.Ordinal)).ToList();
}
