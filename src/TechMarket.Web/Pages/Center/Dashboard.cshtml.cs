using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using TechMarket.Infrastructure.Dashboards;
using TechMarket.Web.Dashboards;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>市场数据看板: the center's dashboard, with the institutions' deals, the lenders' loans and the ledger's settlements and commission.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class DashboardModel(MarketFigures figures, IStringLocalizer<SharedResource> t, TimeProvider clock) : MarketDashboardPage(figures, t, clock)
{
    protected override MarketAudience Audience => MarketAudience.Center;
}
