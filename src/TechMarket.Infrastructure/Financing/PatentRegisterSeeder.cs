using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Rights;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Financing;

/// <summary>
/// 演示数据: register entries for the demo company, titled after a few real CN records in content/catalogue/cn_patents.jsonl.
/// The records are published applications; the grant, dates, fees and ownership here are invented for the demo.
/// Idempotent; runs after migrations (hosted services start after the site's start-up tasks).
/// </summary>
public sealed class PatentRegisterSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TechMarketPaths paths) : IHostedService
{
    public static readonly Guid DemoCompanyId = new("6f1c0c2e-0001-4a00-9000-000000000004");
    public const int DemoPatentCount = 4;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(TechMarketOptions.Section + ":" + nameof(TechMarketOptions.SeedDemoData), true)) return;
        var file = Path.Combine(paths.Content, "catalogue", "cn_patents.jsonl");
        if (!File.Exists(file)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        if (await db.PatentRights.AnyAsync(p => p.IsDemo, cancellationToken)) return;
        var company = await db.Organizations.Where(o => o.Id == DemoCompanyId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        if (company is null) return;
        var records = File.ReadLines(file).Take(DemoPatentCount).Select(line => JsonDocument.Parse(line)).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            using var record = records[i];
            var id = record.RootElement.GetProperty("id").GetString()!;
            var filed = new DateOnly(2020, 3 + i, 10 + i);
            db.PatentRights.Add(new PatentRightRow
            {
                Number = id, Title = record.RootElement.GetProperty("title").GetString()!, Kind = AssetKind.InventionPatent,
                FiledOn = filed, GrantedOn = filed.AddYears(2), ExpiresOn = PatentRight.StatutoryExpiry(AssetKind.InventionPatent, filed),
                Status = PatentLegalStatus.InForce, NextAnnualFeeDueOn = new DateOnly(2027, filed.Month, filed.Day),
                Industry = i % 2 == 0 ? Industry.NewEnergyVehicles : Industry.NextGenIt, SourceRecordId = id, IsDemo = true,
                Patentees = [new PatenteeRow { PatentNumber = id, OrganizationId = DemoCompanyId, Name = company }],
            });
        }
        db.AuditAs("patent_register.seeded", "演示数据");
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
