using System.Text.RegularExpressions;
using TechMarket.Domain.Financing;

namespace TechMarket.Domain.Tests.Financing;

public sealed partial class PledgeWorkflowDiagramTests
{
    [Fact]
    public void Dot_export_comes_from_the_same_definition_and_names_every_state()
    {
        var dot = PledgeWorkflow.ToDot();
        Assert.StartsWith("digraph", dot.TrimStart(), StringComparison.Ordinal);
        Assert.All(Enum.GetValues<PledgeState>(), s => Assert.Contains(s.ToString(), dot, StringComparison.Ordinal));
        Assert.Contains(PledgeWorkflow.PaidOffGuard, dot, StringComparison.Ordinal);
    }

    public static TheoryData<PledgeState> AllStates() => [.. Enum.GetValues<PledgeState>()];

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Svg_shows_every_state_in_chinese_and_highlights_only_the_current_one(PledgeState current)
    {
        var svg = PledgeWorkflowSvg.Render(current);

        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<PledgeState>())
        {
            Assert.Contains($"data-state=\"{state}\"", svg, StringComparison.Ordinal);
            Assert.Contains(">" + PledgeWorkflow.Label(state) + "</text>", svg, StringComparison.Ordinal);
        }
        var highlighted = CurrentGroup().Matches(svg);
        Assert.Equal(current.ToString(), Assert.Single(highlighted).Groups[1].Value);
        Assert.Contains("当前：" + PledgeWorkflow.Label(current), svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_draws_one_arrow_per_transition_of_the_definition_with_its_role()
    {
        var info = PledgeWorkflow.Definition().GetInfo();
        var transitions = info.States.Sum(s => s.FixedTransitions.Count());
        var svg = PledgeWorkflowSvg.Render(PledgeState.Draft);
        Assert.Equal(transitions, Regex.Count(svg, "class=\"transition\""));
        Assert.Contains("放款（贷款机构）", svg, StringComparison.Ordinal);
        Assert.Contains("提交评估报告（评估机构）", svg, StringComparison.Ordinal);
        Assert.Contains("data-from=\"RegistrationFiled\" data-to=\"ContractsSigned\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_is_well_formed_xml_and_deterministic()
    {
        var svg = PledgeWorkflowSvg.Render(PledgeState.Registered);
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Equal(svg, PledgeWorkflowSvg.Render(PledgeState.Registered));
    }

    [GeneratedRegex("<g class=\"state current\" data-state=\"(\\w+)\"")]
    private static partial Regex CurrentGroup();
}
