using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechMarket.Web.Pages;

/// <summary>Landing page of a trading area whose workflow is not built yet: says so plainly and points to the catalogue.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class AreasModel : PageModel
{
    /// <summary>Where an area that is built lives; areas without an entry are still being built and say so.</summary>
    public static readonly IReadOnlyDictionary<string, string> Built = new Dictionary<string, string>
    {
        ["listed-trades"] = "/listed-trades",
        ["auctions"] = "/auctions",
        ["demands"] = "/demands",
        ["financing"] = "/pledges",
    };

    public static readonly IReadOnlyDictionary<string, (string Title, string Description)> Known = new Dictionary<string, (string, string)>
    {
        ["listed-trades"] = ("挂牌交易", "在公示期内登记受让意向、缴纳保证金；一个合格意向方即协议成交，多个则转为网上竞价。"),
        ["auctions"] = ("网上竞价", "按最高人民法院网络司法拍卖规定组织的网上竞价：保证金、延时竞价、优先购买权。"),
        ["demands"] = ("技术需求与定向研发", "企业发布技术需求，高校院所揭榜，签订技术开发合同并按里程碑托管付款。"),
        ["financing"] = ("知识产权质押融资", "评估、银行审查、国家知识产权局质押登记、放款与注销。"),
        ["center"] = ("服务中心", "知识产权保护促进中心：机构认证、挂牌审核、竞价专场、推介会与市场看板。"),
    };

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Link { get; private set; }

    public IActionResult OnGet(string area)
    {
        if (!Known.TryGetValue(area, out var entry)) return NotFound();
        (Title, Description) = entry;
        Link = Built.GetValueOrDefault(area);
        return Page();
    }
}
