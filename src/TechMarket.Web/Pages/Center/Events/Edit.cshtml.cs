using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Events;
using TechMarket.Web.Articles;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Events;

/// <summary>Publish or edit an event. Times are entered in Beijing time and stored in UTC; the programme preview is sanitised.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class EditModel(TechMarketDbContext db, SavePromotionEvent save, TimeProvider clock) : PageModel
{
    [BindProperty] public EventForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? PreviewHtml { get; private set; }

    public sealed class EventForm
    {
        [Display(Name = "类型")] public PromotionEventKind Kind { get; set; }
        [Display(Name = "活动名称")] [Required(ErrorMessage = "请填写活动名称 / Enter a title.")] [StringLength(200, ErrorMessage = "最长 200 字 / At most 200 characters.")] public string? Title { get; set; }
        [Display(Name = "英文名称")] [StringLength(200, ErrorMessage = "最长 200 字 / At most 200 characters.")] public string? TitleEn { get; set; }
        [Display(Name = "活动议程（Markdown）")] [StringLength(20_000, ErrorMessage = "最长 20000 字 / At most 20000 characters.")] public string? Programme { get; set; }
        [Display(Name = "地点")] [StringLength(300, ErrorMessage = "最长 300 字 / At most 300 characters.")] public string? Place { get; set; }
        [Display(Name = "线上链接")] [StringLength(500, ErrorMessage = "最长 500 字 / At most 500 characters.")] public string? OnlineUrl { get; set; }
        [Display(Name = "开始时间（北京时间）")] [Required(ErrorMessage = "请填写开始时间 / Enter the start.")] public DateTime? StartsAt { get; set; }
        [Display(Name = "结束时间（北京时间）")] [Required(ErrorMessage = "请填写结束时间 / Enter the end.")] public DateTime? EndsAt { get; set; }
        [Display(Name = "名额")] [Range(1, PromotionEvent.MaxCapacity, ErrorMessage = "名额须在 1 到 100000 之间 / Capacity must be 1 to 100000.")] public int Capacity { get; set; } = 100;
        [Display(Name = "竞价专场编号")] public Guid? AuctionSessionId { get; set; }
        [Display(Name = "推介成果（挂牌编号，每行一个）")] public string? ListingIds { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            var tomorrow = ChinaTime.Today(clock.GetUtcNow()).AddDays(7).ToDateTime(new TimeOnly(14, 0));
            Input = new EventForm { StartsAt = tomorrow, EndsAt = tomorrow.AddHours(2) };
            return Page();
        }
        var e = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null) return NotFound();
        var listings = await db.EventListings.Where(l => l.EventId == e.Id).Select(l => l.ListingId).ToListAsync(cancellationToken);
        Input = new EventForm
        {
            Kind = e.Kind, Title = e.Title, TitleEn = e.TitleEn, Programme = e.ProgrammeMarkdown, Place = e.Place, OnlineUrl = e.OnlineUrl,
            StartsAt = e.StartsAt.ToOffset(ChinaTime.Offset).DateTime, EndsAt = e.EndsAt.ToOffset(ChinaTime.Offset).DateTime,
            Capacity = e.Capacity, AuctionSessionId = e.AuctionSessionId, ListingIds = string.Join("\n", listings),
        };
        return Page();
    }

    public IActionResult OnPostPreview(Guid? id)
    {
        Id = id;
        ModelState.Clear();
        PreviewHtml = ArticleLibrary.RenderSafeHtml(Input.Programme ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var listingIds = new List<Guid>();
        foreach (var token in (Input.ListingIds ?? "").Split(['\n', '\r', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParse(token, out var g)) listingIds.Add(g);
            else ModelState.AddModelError("Input.ListingIds", $"不是挂牌编号 / Not a listing id: {token}");
        }
        if (!ModelState.IsValid) return Page();
        var input = new EventInput(Input.Kind, Input.Title!, Input.TitleEn, Input.Programme ?? "", Input.Place, Input.OnlineUrl,
            new DateTimeOffset(DateTime.SpecifyKind(Input.StartsAt!.Value, DateTimeKind.Unspecified), ChinaTime.Offset),
            new DateTimeOffset(DateTime.SpecifyKind(Input.EndsAt!.Value, DateTimeKind.Unspecified), ChinaTime.Offset),
            Input.Capacity, Input.AuctionSessionId, listingIds);
        var (saved, problems) = await save.RunAsync(id, input, cancellationToken);
        if (saved is null)
        {
            foreach (var (field, message) in problems) ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
            return Page();
        }
        return Redirect($"/events/{saved}");
    }
}
