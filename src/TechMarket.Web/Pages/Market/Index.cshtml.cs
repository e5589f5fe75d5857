using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using TechMarket.Infrastructure.Dashboards;
using TechMarket.Web.Dashboards;

namespace TechMarket.Web.Pages.Market;

/// <summary>市场概况: the public summary of the market, aggregates only (no organisation's deal or loan figures).</summary>
[AllowAnonymous]
public sealed class IndexModel(MarketFigures figures, IStringLocalizer<SharedResource> t, TimeProvider clock) : MarketDashboardPage(figures, t, clock)
{
    protected override MarketAudience Audience => MarketAudience.Public;
}
