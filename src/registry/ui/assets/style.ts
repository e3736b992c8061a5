/** The pages' one stylesheet, served as `/ui/-/assets/style-HASH.css`. No web fonts, no images. */
export const STYLE = `:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bg: #ffffff;
  --accent: #14cc80; --accent-dark: #0b8a55; --link: #0969da; --warn: #9a6700; --bad: #cf222e;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { font: 15px/1.5 var(--sans); color: var(--fg); background: var(--soft); }
body { margin: 0; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: #181b20; color: #fff; }
header.top .bar { max-width: 1100px; margin: 0 auto; padding: 10px 24px; min-height: 52px; display: flex; align-items: center; gap: 20px; }
header.top a { color: #fff; }
header.top .brand { font-weight: 700; letter-spacing: .2px; display: flex; align-items: center; gap: 8px; }
header.top .brand .mark { width: 18px; height: 18px; border-radius: 4px; background: var(--accent); display: inline-block; }
header.top nav { flex: 1; display: flex; gap: 16px; }
header.top nav a { color: #d0d7de; }
header.top form { margin: 0; }
header.top .who { color: #d0d7de; font-size: 13px; }
main { max-width: 1100px; margin: 0 auto; padding: 20px 24px 48px; }
.crumbs { color: var(--muted); font-size: 14px; margin-bottom: 6px; overflow-wrap: anywhere; }
.crumbs a { color: var(--muted); }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 24px 0 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.lead { color: var(--muted); margin: 0 0 18px; }
.title-row { display: flex; align-items: flex-start; gap: 16px; justify-content: space-between; flex-wrap: wrap; }
aside .card h2 { margin-top: 0; }
ul.deps { margin: 4px 0 0; padding-left: 18px; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
table.list { width: 100%; border-collapse: collapse; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
table.list th, table.list td { text-align: left; padding: 9px 14px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.list th { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); background: var(--soft); font-weight: 600; }
table.list tr:last-child td { border-bottom: 0; }
table.list td.num, table.list th.num { text-align: right; white-space: nowrap; }
table.list td.name { font-weight: 600; overflow-wrap: break-word; }
@media (max-width: 640px) { table.list { display: block; overflow-x: auto; } table.list th, table.list td { padding: 8px; } }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--line); color: var(--muted); background: var(--soft); vertical-align: middle; }
.badge.private { color: var(--warn); border-color: #d4a72c; background: #fff8c5; }
.badge.public { color: var(--accent-dark); border-color: #4ac26b; background: #dafbe1; }
.tag { font-family: var(--mono); font-size: 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin: 0 4px 2px 0; display: inline-block; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.mono { font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }
.button, button { font: inherit; font-size: 14px; font-weight: 600; border-radius: 6px; padding: 6px 14px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; display: inline-block; }
.button:hover, button:hover { background: var(--soft); text-decoration: none; }
.button.primary, button.primary { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
.button.primary:hover, button.primary:hover { background: #097446; }
header.top button { background: transparent; color: #fff; border-color: #57606a; padding: 3px 10px; font-size: 13px; }
.snippet { position: relative; margin: 6px 0 14px; }
.snippet pre { margin: 0; background: #0d1117; color: #e6edf3; border-radius: 6px; padding: 12px 84px 12px 14px; font: 13px/1.5 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.snippet button.copy { position: absolute; top: 7px; right: 7px; padding: 2px 10px; font-size: 12px; background: #30363d; color: #e6edf3; border-color: #484f58; }
.snippet button.copy.copied { background: var(--accent-dark); border-color: var(--accent-dark); }
.step-title { font-weight: 600; margin-top: 14px; }
.help { font-size: 13px; color: var(--muted); }
.help code { white-space: nowrap; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 20px; align-items: start; }
@media (max-width: 860px) { .layout { grid-template-columns: 1fr; } }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin-bottom: 16px; }
.tabs a { padding: 8px 14px; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; font-weight: 600; }
.tabs a[aria-current="page"] { color: var(--fg); border-bottom-color: var(--accent); }
.tabs a:hover { text-decoration: none; color: var(--fg); }
dl.facts { margin: 0; }
dl.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); margin-top: 12px; }
dl.facts dt:first-child { margin-top: 0; }
dl.facts dd { margin: 2px 0 0; overflow-wrap: anywhere; }
table.sums { width: 100%; border-collapse: collapse; }
table.sums th { text-align: left; width: 80px; font-size: 13px; color: var(--muted); padding: 6px 8px 6px 0; vertical-align: top; }
table.sums td { font: 12.5px/1.5 var(--mono); overflow-wrap: anywhere; word-break: break-all; padding: 6px 0; }
table.files td:first-child { width: 120px; white-space: nowrap; }
table.files td.num { width: 90px; }
.title-row.compact { align-items: center; }
.title-row.compact h2 { margin: 8px 0; }
table.files td { font-family: var(--mono); font-size: 13px; padding: 4px 14px; }
table.files td.path { overflow-wrap: anywhere; word-break: break-all; }
.pager { display: flex; gap: 10px; align-items: center; margin: 12px 0; }
form.inline { display: inline-flex; gap: 8px; align-items: center; margin: 0; }
select, input[type=password], input[type=text] { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
input[type=password] { width: 100%; font-family: var(--mono); }
html.js .no-js { display: none; }
.notice { border: 1px solid #d4a72c; background: #fff8c5; border-radius: 6px; padding: 10px 14px; margin-bottom: 16px; }
.error { border: 1px solid #ff8182; background: #ffebe9; border-radius: 6px; padding: 10px 14px; margin-bottom: 16px; overflow-wrap: anywhere; }
dialog { border: 1px solid var(--line); border-radius: 10px; padding: 0; width: min(760px, 94vw); max-height: 90vh; }
dialog::backdrop { background: rgba(15, 20, 25, .55); }
dialog .head { display: flex; justify-content: space-between; align-items: center; padding: 14px 20px; border-bottom: 1px solid var(--line); }
dialog .head h2 { margin: 0; }
dialog .body { padding: 6px 20px 16px; overflow: auto; }
.empty { text-align: center; padding: 36px 16px; color: var(--muted); }
.signin { max-width: 440px; margin: 40px auto; }
.signin label { display: block; font-weight: 600; margin: 12px 0 6px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
footer { max-width: 1100px; margin: 0 auto; padding: 0 24px 24px; color: var(--muted); font-size: 12px; }
`;
