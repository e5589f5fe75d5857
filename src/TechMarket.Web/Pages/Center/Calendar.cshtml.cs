using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center;

/// <summary>
/// 工作日历: the holidays and adjusted working days deadlines are counted on, per year with its source (official notice
/// or provisional); the center corrects a date (audited with a reason) or removes its correction.
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class CalendarModel(TechMarketDbContext db, WorkingCalendar calendar, SetCalendarDay setDay, TimeProvider clock) : PageModel
{
    public sealed record DayRow(CalendarDay Day, bool Overridden);

    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];
    public string Note { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<DayRow> Days { get; private set; } = [];

    [BindProperty] public DayInput Input { get; set; } = new();

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(Input.Date?.Year, ct);
            return Page();
        }
        var kind = Input.Kind == "Remove" ? (CalendarDayKind?)null : Enum.Parse<CalendarDayKind>(Input.Kind!);
        var result = await setDay.RunAsync(new SetCalendarDayCommand(Input.Date!.Value, kind, Input.Name, Input.Reason!, User.UserId()), ct);
        if (result == SetCalendarDayResult.NothingToRemove)
        {
            ModelState.AddModelError("Input.Kind", "该日期没有调整记录可删除 / This date has no correction to remove.");
            await LoadAsync(Input.Date.Value.Year, ct);
            return Page();
        }
        StatusMessage = result.ToString();
        return RedirectToPage(new { year = Input.Date.Value.Year });
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Years = calendar.File.Years;
        Note = calendar.File.Note;
        Year = year is >= 2000 and <= 2100 ? year.Value : ChinaTime.Today(clock.GetUtcNow()).Year;
        var overridden = (await db.CalendarOverrides.AsNoTracking().Select(o => o.Date).ToListAsync(ct)).ToHashSet();
        var current = await calendar.CurrentAsync(ct);
        Days = [.. current.SpecialDays.Where(d => d.Date.Year == Year).Select(d => new DayRow(d, overridden.Contains(d.Date)))];
    }

    public sealed class DayInput
    {
        [Required(ErrorMessage = "请选择日期 / Choose a date.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "请选择类型 / Choose what the day is.")]
        [RegularExpression("^(Holiday|WorkingDay|Ordinary|Remove)$", ErrorMessage = "类型无效 / Unknown kind.")]
        public string? Kind { get; set; }

        [StringLength(100, ErrorMessage = "名称最长 100 字 / At most 100 characters.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "请说明调整依据 / Give the reason (e.g. the notice).")]
        [StringLength(500, ErrorMessage = "理由最长 500 字 / At most 500 characters.")]
        public string? Reason { get; set; }
    }
}
