using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.RdContracts;

/// <summary>Directed R&amp;D (issue 8): use cases (the escrow and its store are registered with the ledger, AddTechMarketPayments), deliverable files, reminders, and the endpoints beside the pages.</summary>
internal static class RdContractsSetup
{
    public static IServiceCollection AddRdContracts(this IServiceCollection services)
    {
        services.AddSingleton<DeliverableStore>();
        services.AddScoped<PostDemand>();
        services.AddScoped<CloseDemand>();
        services.AddScoped<AcceptNda>();
        services.AddScoped<FindVisibleProposal>();
        services.AddScoped<SubmitProposal>();
        services.AddScoped<ShortlistProposal>();
        services.AddScoped<PostProposalMessage>();
        services.AddScoped<SelectProposal>();
        services.AddScoped<DeclineProposal>();
        services.AddScoped<CreateDevelopmentContract>();
        services.AddScoped<EditContractTerms>();
        services.AddScoped<SignContract>();
        services.AddScoped<FundMilestone>();
        services.AddScoped<SubmitDeliverable>();
        services.AddScoped<AcceptMilestone>();
        services.AddScoped<RejectMilestone>();
        services.AddScoped<DisputeMilestone>();
        services.AddScoped<DecideDispute>();
        services.AddScoped<SendMilestoneReminders>();
        services.AddHostedService<MilestoneReminderService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRdContracts(this IEndpointRouteBuilder app)
    {
        // Deliverable files: only the contract's parties and the center; anyone else gets 404 (existence is not revealed).
        app.MapGet("/contracts/{contractId:guid}/files/{fileId:guid}", async (Guid contractId, Guid fileId, ClaimsPrincipal user,
            TechMarketDbContext db, RdContractStore store, DeliverableStore files, CancellationToken ct) =>
        {
            if (user.Caller() is not { } caller || await store.LoadVisibleAsync(contractId, caller, ct) is null) return Results.NotFound();
            var file = await db.RdDeliverableFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ContractId == contractId, ct);
            if (file is null || files.Open(file.StoredName) is not { } stream) return Results.NotFound();
            return Results.File(stream, file.ContentType, file.FileName);
        }).RequireAuthorization();

        // Open demands, public summary only (the confidential part never leaves through the API).
        app.MapGet("/api/v1/demands", async (TechMarketDbContext db, int? page, CancellationToken ct) =>
        {
            var p = Math.Clamp(page ?? 1, 1, 1000);
            var query = db.Demands.AsNoTracking().Where(d => d.Status == DemandStatus.Open);
            var total = await query.CountAsync(ct);
            var items = await query.OrderByDescending(d => d.CreatedAt).Skip((p - 1) * 20).Take(20)
                .Select(d => new { d.Id, d.Title, d.PublicSummary, d.BudgetMinFen, d.BudgetMaxFen, d.Deadline, Industry = d.Industry.ToString() }).ToListAsync(ct);
            return Results.Ok(new { total, items });
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The signed-in person as the R&amp;D domain sees them; null without an organisation.</summary>
    public static RdCaller? Caller(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId() is not { } userId || user.OrganizationId() is not { } orgId) return null;
        return new RdCaller(orgId, userId, user.IsCenterStaff(), user.FindFirstValue(TechMarketClaims.DisplayName) ?? "");
    }
}
