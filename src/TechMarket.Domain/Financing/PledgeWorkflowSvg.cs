using System.Globalization;
using System.Security;
using System.Text;
using Stateless.Reflection;

namespace TechMarket.Domain.Financing;

/// <summary>
/// Draws the pledge workflow as SVG from the Stateless definition itself (<see cref="StateMachineInfo"/>):
/// a layered layout, one row per layer, boxes and arrows, Chinese labels, the current state highlighted.
/// Pure: no external tools, the same input always gives the same text.
/// </summary>
public static class PledgeWorkflowSvg
{
    private const int BoxWidth = 150, BoxHeight = 36, ColumnGap = 90, RowGap = 76, Margin = 40, ChannelGap = 26;

    public static string Render(PledgeState current) => Render(PledgeWorkflow.Definition(current).GetInfo(), current);

    public static string Render(StateMachineInfo info, PledgeState current)
    {
        ArgumentNullException.ThrowIfNull(info);
        var states = info.States.Select(s => (PledgeState)s.UnderlyingState).Order().ToList();
        var edges = info.States.SelectMany(s => s.FixedTransitions.Select(t => new Edge(
            (PledgeState)s.UnderlyingState, (PledgeState)t.DestinationState.UnderlyingState, (PledgeTrigger)t.Trigger.UnderlyingTrigger,
            t.GuardConditionsMethodDescriptions.Select(g => g.Description).FirstOrDefault()))).ToList();
        var initial = (PledgeState)info.InitialState.UnderlyingState;

        var layer = Layers(states, edges, initial);
        var rows = states.GroupBy(s => layer[s]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var widest = rows.Max(r => r.Count);
        var columnsWidth = widest * BoxWidth + (widest - 1) * ColumnGap;
        // Edges that skip a layer run down their own channel to the right of the boxes.
        var longEdges = edges.Where(e => layer[e.To] > layer[e.From] + 1).OrderBy(e => layer[e.From]).ThenBy(e => e.To).ToList();
        var width = Margin * 2 + 110 + columnsWidth + longEdges.Count * ChannelGap + 60;
        var height = Margin * 2 + rows.Count * BoxHeight + (rows.Count - 1) * RowGap;
        var position = new Dictionary<PledgeState, (double X, double Y)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Count * BoxWidth + (rows[r].Count - 1) * ColumnGap;
            var left = Margin + 110 + (columnsWidth - rowWidth) / 2.0;
            for (var c = 0; c < rows[r].Count; c++)
                position[rows[r][c]] = (left + c * (BoxWidth + ColumnGap), Margin + r * (BoxHeight + RowGap));
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"pledge-flow-title\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif\">\n");
        svg.Append("<title id=\"pledge-flow-title\">知识产权质押融资流程（当前：").Append(Escape(PledgeWorkflow.Label(current))).Append("）</title>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");

        var channelLeft = Margin + 110 + columnsWidth + 30;
        foreach (var edge in edges)
        {
            var (fx, fy) = position[edge.From];
            var (tx, ty) = position[edge.To];
            string path;
            double lx, ly;
            var rotate = false;
            var anchor = "start";
            var k = longEdges.IndexOf(edge);
            if (edge.From == edge.To)
            {
                // Re-entry: a loop on the right side of the box.
                var x = fx + BoxWidth; var y = fy + BoxHeight / 2.0;
                path = F($"M{x},{y - 8} C{x + 45},{y - 30} {x + 45},{y + 30} {x},{y + 8}");
                lx = x + 40; ly = y - 16;
            }
            else if (k >= 0)
            {
                var cx = channelLeft + k * ChannelGap;
                var sx = fx + BoxWidth - 12 - 8 * (k % 3); var sy = fy + BoxHeight;
                var ex = tx + BoxWidth - 12 - 8 * (k % 3); var ey = ty;
                path = F($"M{sx},{sy} V{sy + 10 + 4 * (k % 4)} H{cx} V{ey - 10 - 4 * (k % 4)} H{ex} V{ey}");
                lx = cx + 4; ly = (sy + ey) / 2;
                rotate = true;
                anchor = "middle";
            }
            else if (layer[edge.To] > layer[edge.From])
            {
                var x1 = fx + BoxWidth / 2.0; var y1 = fy + BoxHeight;
                var x2 = tx + BoxWidth / 2.0; var y2 = ty;
                var bend = (y2 - y1) / 2;
                path = F($"M{x1},{y1} C{x1},{y1 + bend} {x2},{y2 - bend} {x2},{y2}");
                lx = x2 < x1 ? (x1 + x2) / 2 - 6 : (x1 + x2) / 2 + 6; ly = y1 + bend + 4;
                anchor = x2 < x1 ? "end" : "start";
            }
            else
            {
                // A step back (e.g. CNIPA refuses the filing): around the left side.
                var x1 = fx; var y1 = fy + BoxHeight / 2.0;
                var x2 = tx; var y2 = ty + BoxHeight / 2.0;
                path = F($"M{x1},{y1} C{x1 - 60},{y1} {x2 - 60},{y2} {x2},{y2}");
                lx = Math.Min(x1, x2) - 50; ly = (y1 + y2) / 2;
                anchor = "end";
            }
            var label = PledgeWorkflow.Label(edge.Trigger) + "（" + RoleLabel(PledgeWorkflow.RolesFor(edge.Trigger)) + "）" + (edge.Guard is null ? "" : " [" + edge.Guard + "]");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"transition\" data-trigger=\"{edge.Trigger}\" data-from=\"{edge.From}\" data-to=\"{edge.To}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>");
            svg.Append(F($"<text x=\"{lx}\" y=\"{ly}\" font-size=\"11\" fill=\"#333\" text-anchor=\"{anchor}\""));
            if (rotate) svg.Append(F($" transform=\"rotate(90 {lx} {ly})\""));
            svg.Append('>').Append(Escape(label)).Append("</text></g>\n");
        }

        foreach (var state in states)
        {
            var (x, y) = position[state];
            var isCurrent = state == current;
            var fill = isCurrent ? "#fde68a" : Terminal(state, edges) ? "#e5e7eb" : "#ffffff";
            var stroke = isCurrent ? "#b45309" : "#374151";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"state{(isCurrent ? " current" : "")}\" data-state=\"{state}\"{(isCurrent ? " aria-current=\"step\"" : "")}>");
            svg.Append(F($"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(isCurrent ? 3 : 1.2)}\"/>"));
            svg.Append(F($"<text x=\"{x + BoxWidth / 2.0}\" y=\"{y + BoxHeight / 2.0 + 5}\" font-size=\"14\" text-anchor=\"middle\" fill=\"#111\"{(isCurrent ? " font-weight=\"bold\"" : "")}>"))
               .Append(Escape(PledgeWorkflow.Label(state))).Append("</text></g>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Longest-path layering from the initial state, ignoring edges that close a cycle.</summary>
    private static Dictionary<PledgeState, int> Layers(List<PledgeState> states, List<Edge> edges, PledgeState initial)
    {
        var forward = new HashSet<Edge>();
        var onStack = new HashSet<PledgeState>();
        var done = new HashSet<PledgeState>();
        var order = new List<PledgeState>();
        void Visit(PledgeState s)
        {
            onStack.Add(s);
            foreach (var e in edges.Where(e => e.From == s))
            {
                if (onStack.Contains(e.To)) continue; // back edge or re-entry
                forward.Add(e);
                if (!done.Contains(e.To)) Visit(e.To);
            }
            onStack.Remove(s);
            done.Add(s);
            order.Add(s);
        }
        Visit(initial);
        foreach (var s in states.Where(s => !done.Contains(s))) Visit(s);
        order.Reverse();
        var layer = states.ToDictionary(s => s, _ => 0);
        foreach (var s in order)
            foreach (var e in forward.Where(e => e.From == s))
                layer[e.To] = Math.Max(layer[e.To], layer[s] + 1);
        return layer;
    }

    private static bool Terminal(PledgeState state, List<Edge> edges) => edges.All(e => e.From != state);

    private static string RoleLabel(PledgeRole roles) => string.Join("/", new[]
    {
        (PledgeRole.Applicant, "申请人"), (PledgeRole.Evaluator, "评估机构"), (PledgeRole.Lender, "贷款机构"), (PledgeRole.Center, "中心"),
    }.Where(r => roles.HasFlag(r.Item1)).Select(r => r.Item2));

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Edge(PledgeState From, PledgeState To, PledgeTrigger Trigger, string? Guard);
}
