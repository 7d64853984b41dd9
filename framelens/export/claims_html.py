"""The HTML section "Same facts, different framing": aligned claims side by side with their
differences, what only A and only B report, then actors and voices."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from framelens.actor_table import kind_label
from framelens.actors import Actor, role_label
from framelens.export.claim_marks import MARK_KEY, claim_runs
from framelens.export.only_in import heading, label, passage_text, passages
from framelens.model import Analysis, Comparison

CSS = (".claims table{border-collapse:collapse;width:100%}"
       ".claims td,.claims th{border-top:1px solid #ccc;padding:4px;vertical-align:top}"
       ".claims .diff{font-size:90%;color:#444}"
       ".claims mark{background:#fde9b8;color:inherit;font-weight:bold;"
       "text-decoration:underline}")


def _claim(own: Analysis, own_indices: Sequence[int], other: Analysis,
           other_indices: Sequence[int]) -> str:
    """A claim's sentences with the words its framing differences name marked (bold and
    underlined too, so that they read in black and white)."""
    return "".join(f"<mark>{escape(text)}</mark>" if marked else escape(text)
                   for text, marked in claim_runs(own, own_indices, other, other_indices))


def _actors_table(actors: Sequence[Actor], side: str) -> str:
    rows = "".join(f"<tr><td>{escape(x.name)}</td><td>{escape(kind_label(x.kind))}</td>"
                   f"<td>{x.mentions}</td><td>{x.agent}</td><td>{x.patient}</td>"
                   f"<td>{x.quoted}</td></tr>"
                   for x in actors[:15])
    return (f"<div><h4>Actors in {side}</h4><table><tr><th>Actor</th><th>Kind</th>"
            "<th>Mentions</th><th>Acts (agent)</th><th>Acted upon</th><th>Quoted</th></tr>"
            f"{rows}</table></div>")


def section(comparison: Comparison) -> str:
    """The section, or '' when the comparison has no alignment."""
    claims = comparison.alignment
    if claims is None:
        return ""
    a, b = comparison.a, comparison.b
    out = ['<section class="claims"><h2>Same facts, different framing</h2>',
           f"<p>{escape(claims.summary)}</p>"]
    if claims.groups:
        out.append(f'<p class="diff">{escape(MARK_KEY)}</p>'
                   "<table><tr><th>A</th><th>B</th><th>How the telling differs</th></tr>")
        for group in claims.groups:
            differences = "<br>".join(escape(d) for d in group.differences) or "\u2014"
            out.append(f"<tr><td>{_claim(a, group.a, b, group.b)}</td>"
                       f"<td>{_claim(b, group.b, a, group.a)}"
                       f'</td><td class="diff">{escape(group.evidence())}<br>{differences}'
                       "</td></tr>")
        out.append("</table>")
    for side, analysis, indices in (("A", a, claims.only_in_a), ("B", b, claims.only_in_b)):
        if indices:
            found = passages(analysis, indices)
            items = "".join(f"<li><b>{escape(label(p))}:</b> "
                            f"{escape(passage_text(analysis, p)[0])}</li>" for p in found)
            out.append(f"<h3>{escape(heading(side, len(indices), found))}</h3><ul>{items}</ul>")
    actors = comparison.actors
    if actors is not None:
        out.append("<h3>Actors and voices</h3>")
        out += [f"<p>{escape(line)}</p>" for line in actors.contrasts]
        for side, sources in (("A", actors.sources_a), ("B", actors.sources_b)):
            mix = ", ".join(f"{escape(s.name)} ({escape(role_label(s.role))})" for s in sources)
            out.append(f"<p>Sources in {side}: {mix or 'none'}</p>")
        out.append('<div class="columns">' + _actors_table(actors.a, "A") +
                   _actors_table(actors.b, "B") + "</div>")
    out.append("</section>")
    return "\n".join(out)
