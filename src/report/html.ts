/**
 * The `html` report: ONE self-contained, offline file. Inline CSS, inline JS and inline SVG bar charts
 * (findings by category, severity and directory) drawn here, a findings table with filters, the key
 * inventory and what was skipped. A Content-Security-Policy with `default-src 'none'` makes the
 * browser refuse any network request the page could make. Every value is HTML-escaped; findings only
 * hold redacted text, and nothing else from the scanned files is shown.
 */
import type { Severity } from '../catalogue/types.js';
import { SEVERITIES, isSuppressed, normaliseResult, severityRank, summarise, withheldLine } from './json.js';
import type { AuditResult, Finding, Reporter, RuleInfo } from './types.js';

/** Escapes text for element content and double-quoted attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEV_COLOR: Record<Severity, string> = { critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#0277bd' };

interface Bar {
  readonly label: string;
  readonly count: number;
  readonly color?: string;
}

/** A horizontal bar chart as inline SVG. Each bar carries its label and count as data attributes. */
function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const width = 420;
  const labelW = 150;
  const row = 24;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = Math.max(2, Math.round(((width - labelW - 50) * b.count) / max));
    const label = b.label.length > 22 ? `…${b.label.slice(-21)}` : b.label;
    return (
      `<g class="bar" data-label="${esc(b.label)}" data-count="${b.count}">` +
      `<title>${esc(b.label)}: ${b.count}</title>` +
      `<text x="${labelW - 6}" y="${y + 16}" text-anchor="end">${esc(label)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${row - 8}" rx="3" ` +
      `fill="${esc(b.color ?? '#546e7a')}"></rect>` +
      `<text x="${labelW + w + 6}" y="${y + 16}" class="n">${b.count}</text></g>`
    );
  });
  const empty = bars.length === 0 ? `<text x="10" y="20" class="muted">No findings</text>` : '';
  return (
    `<figure class="chart" id="${esc(id)}"><figcaption>${esc(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" ` +
    `height="${height}" viewBox="0 0 ${width} ${height}">` +
    `${rows.join('')}${empty}</svg></figure>`
  );
}

/** The directory a finding is charted under: its first two path segments. */
function dirOf(file: string): string {
  const parts = file.split('/');
  parts.pop();
  return parts.length === 0 ? '.' : parts.slice(0, 2).join('/');
}

function countBy(findings: readonly Finding[], key: (f: Finding) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

function ranked(m: Map<string, number>, limit: number): Bar[] {
  const all = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = all.slice(0, limit).map(([label, count]) => ({ label, count }));
  const rest = all.slice(limit).reduce((n, [, c]) => n + c, 0);
  return rest > 0 ? [...top, { label: 'other', count: rest }] : top;
}

function frame(f: Finding): string {
  if (!f.snippet || f.snippet.lines.length === 0) return '';
  const lines = f.snippet.lines.map((text, i) => {
    const n = f.snippet!.startLine + i;
    return `<span class="${n === f.location.line ? 'hit' : ''}"><i>${n}</i>${esc(text)}</span>`;
  });
  return `<pre class="frame">${lines.join('')}</pre>`;
}

function findingRow(f: Finding, rules: ReadonlyMap<string, RuleInfo>, now: Date): string {
  const suppressed = isSuppressed(f, now);
  const info = rules.get(f.ruleId);
  const details: string[] = [];
  if (f.secret)
    details.push(
      `secret <code>${esc(f.secret.redacted)}</code> <span class="muted">${esc(f.secret.fingerprint)}</span>`,
    );
  if (f.commit)
    details.push(
      `commit <code>${esc(f.commit.sha.slice(0, 12))}</code>` +
        `${f.commit.date ? ` ${esc(f.commit.date.slice(0, 10))}` : ''}`,
    );
  if (f.suppression) {
    details.push(
      `${suppressed ? 'suppressed' : 'suppression expired'} ` +
        `(${f.suppression.kind === 'inline' ? 'inline allow' : 'baseline'})` +
        `${f.suppression.reason ? `: ${esc(f.suppression.reason)}` : ''}` +
        `${f.suppression.expires ? `, expires ${esc(f.suppression.expires)}` : ''}`,
    );
  }
  if (f.occurrences && f.occurrences.length > 0) {
    // One secret, several places (docs/audit.md, "One finding per secret").
    const files = new Set(f.occurrences.map((o) => o.file)).size;
    details.push(
      `<details><summary>same value also in ${f.occurrences.length} other place` +
        `${f.occurrences.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}</summary><ul>` +
        f.occurrences
          .map(
            (o) => `<li><code>${esc(o.file)}:${o.line}:${o.column}</code>${o.fixture ? ` ${esc(o.fixture)}` : ''}</li>`,
          )
          .join('') +
        '</ul></details>',
    );
  }
  if (f.path && f.path.length > 0) {
    details.push(
      '<ol class="path">' +
        f.path.map((s) => `<li><code>${esc(s.file)}:${s.line}:${s.column}</code> ${esc(s.note)}</li>`).join('') +
        '</ol>',
    );
  }
  const cwe = info?.cwe.map((c) => `CWE-${c}`).join(', ') ?? '';
  const search = `${f.location.file} ${f.message} ${f.ruleId} ${f.category}`.toLowerCase();
  return (
    `<tr class="finding${suppressed ? ' suppressed' : ''}" data-severity="${f.severity}" ` +
    `data-category="${esc(f.category)}" ` +
    `data-suppressed="${suppressed}" data-search="${esc(search)}">` +
    `<td><span class="sev sev-${f.severity}">${f.severity}</span></td>` +
    `<td><code>${esc(f.location.file)}:${f.location.line}:${f.location.column}</code><div ` +
    `class="muted">${esc(f.origin)}</div></td>` +
    `<td>${esc(f.message)}${details.length > 0 ? `<div class="details">${details.join('<br>')}</div>` : ''}` +
    `${frame(f)}</td>` +
    `<td><code>${esc(f.ruleId)}</code><div ` +
    `class="muted">${esc(f.category)}${cwe ? ` · ${esc(cwe)}` : ''}</div></td></tr>`
  );
}

const CSS = `
:root{color-scheme:light;--fg:#1c2430;--muted:#5f6b7a;--line:#dde3ea;--bg:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
color:var(--fg);background:var(--bg)}
header{background:#17212b;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;\
color:#b8c4d0}
main{padding:20px 28px;max-width:1400px}section{background:#fff;border:1px solid var(--line);border-radius:8px;\
padding:16px 20px;margin:0 0 18px}
h2{font-size:16px;margin:0 0 12px}.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid var(--line);\
border-radius:8px;padding:10px 16px;min-width:120px;background:#fff}
.tile b{display:block;font-size:24px}.tile span{color:var(--muted)}.charts{display:flex;gap:18px;flex-wrap:wrap}
.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px}.chart figcaption{font-weight:600;\
margin-bottom:6px}
.chart text{font-size:12px;fill:var(--fg)}.chart text.n{fill:var(--muted)}.muted{color:var(--muted);font-size:12px}
table{width:100%;border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:7px 8px;\
border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600}table.findings{table-layout:fixed}td{overflow-wrap:break-word}\
td code{overflow-wrap:anywhere}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.sev{display:inline-block;color:#fff;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;\
text-transform:uppercase}
${SEVERITIES.map((s) => `.sev-${s}{background:${SEV_COLOR[s]}}`).join('')}
tr.suppressed{opacity:.55}.details{margin-top:4px;font-size:12px;color:var(--muted)}
pre.frame{margin:6px 0 0;padding:6px 8px;background:#0f1720;color:#d6dde6;border-radius:6px;font:12px/1.5 ui-monospace,\
Menlo,monospace;overflow:auto}
pre.frame span{display:block}pre.frame span.hit{background:#3b2a12}pre.frame i{display:inline-block;width:3.5em;\
color:#6b7a8b;font-style:normal}
.filters{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-bottom:10px}select,\
input[type=search]{font:inherit;padding:4px 6px}
.warn{border-left:4px solid #ef6c00}ol.path{margin:4px 0 0;padding-left:20px}
`;

const SCRIPT = `
(function(){
  var sev=document.getElementById('f-severity'),cat=document.getElementById('f-category'),\
q=document.getElementById('f-text'),sup=document.getElementById('f-suppressed');
  var rows=[].slice.call(document.querySelectorAll('tr.finding')),shown=document.getElementById('shown');
  var rank={critical:0,high:1,medium:2,low:3};
  function apply(){
    var n=0,s=sev.value,c=cat.value,t=q.value.trim().toLowerCase(),all=sup.checked;
    rows.forEach(function(r){
      var ok=(s===''||rank[r.dataset.severity]<=rank[s])&&(c===''||r.dataset.category===c)&&\
(t===''||r.dataset.search.indexOf(t)>=0)&&(all||r.dataset.suppressed!=='true');
      r.hidden=!ok;if(ok)n++;
    });
    shown.textContent=String(n);
  }
  [sev,cat,sup].forEach(function(e){e.addEventListener('change',apply)});q.addEventListener('input',apply);apply();
})();
`;

/** The fixture policy's count (docs/audit.md#fixture-policy), as one paragraph, or nothing. */
function withheldHtml(result: AuditResult): string {
  const line = withheldLine(result);
  return line ? `<p id="withheld">${esc(line)}.</p>` : '';
}

function renderHtml(input: AuditResult, rules: ReadonlyMap<string, RuleInfo>, now = new Date()): string {
  const result = normaliseResult(input);
  const findings = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const active = findings.filter((f) => !isSuppressed(f, now));
  const s = summarise(result, now);

  const bySev: Bar[] = SEVERITIES.map((sev) => ({ label: sev, count: s.bySeverity[sev], color: SEV_COLOR[sev] }));
  const byCat = ranked(
    countBy(active, (f) => f.category),
    12,
  );
  const byDir = ranked(
    countBy(active, (f) => dirOf(f.location.file)),
    10,
  );
  const categories = [...new Set(findings.map((f) => f.category))].sort();

  const tiles = [
    `<div class="tile" data-testid="total"><b>${s.active}</b><span>findings</span></div>`,
    ...SEVERITIES.map(
      (sev) =>
        `<div class="tile" data-testid="count-${sev}"><b ` +
        `style="color:${SEV_COLOR[sev]}">${s.bySeverity[sev]}</b><span>${sev}</span></div>`,
    ),
    `<div class="tile" data-testid="suppressed"><b>${s.suppressed}</b><span>suppressed</span></div>`,
    ...(s.places > s.active
      ? [`<div class="tile" data-testid="places"><b>${s.places}</b><span>places</span></div>`]
      : []),
    `<div class="tile"><b>${result.stats.files}</b><span>files scanned</span></div>`,
    `<div class="tile" data-testid="inventory-count"><b>${result.inventory.length}</b><span>inventory ` +
      `items</span></div>`,
  ];

  const inventoryRows = result.inventory.map(
    (i) =>
      `<tr class="inventory"><td>${esc(i.kind)}</td><td><code>${esc(i.name)}</code></td><td>` +
      `${esc(i.primitive ?? '')}</td>` +
      `<td>${esc(i.mode ?? '')}</td>` +
      `<td>${i.keySizeBits ?? ''}</td><td>${esc(i.keySource ?? '')}</td><td>${esc(i.rotation ?? '')}</td><td>` +
      `${esc(i.deletion ?? '')}</td>` +
      `<td>${i.locations
        .slice(0, 5)
        .map((l) => `<code>${esc(l.file)}:${l.line}</code>`)
        .join(
          '<br>',
        )}${i.locations.length > 5 ? `<div class="muted">+${i.locations.length - 5} more</div>` : ''}</td></tr>`,
  );

  const skipped =
    result.skipped.length === 0
      ? ''
      : `<section class="warn" id="skipped"><h2>Partial scan: ${result.skipped.length} ` +
        `file${result.skipped.length === 1 ? '' : 's'} not scanned</h2>` +
        `<table><thead><tr><th>File</th><th>Reason</th><th>Detail</th></tr></thead><tbody>` +
        result.skipped
          .map(
            (k) =>
              `<tr><td><code>${esc(k.file)}</code></td><td>${esc(k.reason)}</td><td>${esc(k.detail ?? '')}</td></tr>`,
          )
          .join('') +
        `</tbody></table></section>`;

  const title = `keyhygiene audit: ${result.root.split('/').filter(Boolean).pop() ?? result.root}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';\
 script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="keyhygiene ${esc(result.tool.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p>${esc(result.root)} · ${esc(result.startedAt)} · \
${(result.durationMs / 1000).toFixed(1)}s · keyhygiene \
${esc(result.tool.version)}${result.shard ? ` · shard ${result.shard.index + 1}/${result.shard.count}` : ''}\
${result.partial ? ' · <strong>partial scan</strong>' : ''}</p></header>
<main>
<section id="summary"><h2>Summary</h2><div class="tiles">${tiles.join('')}</div>${withheldHtml(result)}</section>
<section id="charts"><h2>Findings</h2><div class="charts">\
${barChart('chart-severity', 'By severity', bySev)}${barChart('chart-category', 'By category', byCat)}\
${barChart('chart-directory', 'By directory', byDir)}</div></section>
${skipped}
<section id="findings"><h2>Findings (<span id="shown">${active.length}</span> shown of ${findings.length})</h2>
<div class="filters">
<label>Severity <select id="f-severity"><option value="">all</option>\
${SEVERITIES.map((v) => `<option value="${v}">${v} and above</option>`).join('')}</select></label>
<label>Category <select id="f-category"><option value="">all</option>\
${categories.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select></label>
<label>Search <input type="search" id="f-text" placeholder="file, message, rule"></label>
<label><input type="checkbox" id="f-suppressed"> show suppressed</label>
</div>
<table class="findings"><colgroup><col style="width:96px"><col style="width:22%"><col><col style="width:19%">\
</colgroup><thead><tr><th>Severity</th><th>Location</th><th>Finding</th><th>Rule</th></tr></thead>
<tbody>${findings.map((f) => findingRow(f, rules, now)).join('\n')}</tbody></table>
${findings.length === 0 ? '<p class="muted">No findings.</p>' : ''}
</section>
<section id="inventory"><h2>Key inventory (${result.inventory.length})</h2>
${
  result.inventory.length === 0
    ? '<p class="muted">No keys, algorithms or credentials found.</p>'
    : `<table><thead><tr><th>Kind</th><th>Name</th><th>Primitive</th><th>Mode</th><th>Bits</th><th>Source</th>` +
      `<th>Rotation</th><th>Deletion</th><th>Where</th></tr></thead><tbody>${inventoryRows.join('\n')}</tbody></table>`
}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export const htmlReporter: Reporter = {
  name: 'html',
  render(result, rules) {
    return renderHtml(result, rules);
  },
};
