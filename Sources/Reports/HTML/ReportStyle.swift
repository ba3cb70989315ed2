/// The report's one stylesheet: system fonts only, Okabe–Ito colours, tables that scroll or reflow on a phone,
/// charts that swap to a narrow layout under 760 px, and a print layout.
enum ReportStyle {
    static let css = """
        :root{color-scheme:light;--ink:#1F2937;--muted:#4B5563;--line:#E5E7EB;--soft:#F6F7F9;--blue:#0072B2;\
        --ok-bg:#E3F4EC;--ok-ink:#00603F;--warn-bg:#FFF3D6;--warn-ink:#7A4B00;--bad-bg:#FCE6DA;--bad-ink:#9A3600;\
        --na-bg:#EEF0F3;--na-ink:#374151}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#FFFFFF;color:var(--ink);\
        font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
        font-variant-numeric:tabular-nums}
        .page{max-width:1120px;margin:0 auto;padding:28px 24px 48px}
        h1{font-size:28px;line-height:1.2;margin:0 0 6px}
        h2{font-size:21px;line-height:1.25;margin:40px 0 6px;padding-top:4px}
        h3{font-size:16px;margin:0}
        p{margin:6px 0 10px}
        a{color:#005A8C}
        a:focus-visible,[tabindex]:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
        code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;\
        overflow-wrap:anywhere}
        .subtitle{font-size:17px;color:var(--muted);margin:0 0 12px}
        .facts{display:flex;flex-wrap:wrap;gap:4px 22px;margin:0;padding:0;font-size:13px;color:var(--muted)}
        .facts div{display:flex;gap:6px}.facts dt{font-weight:600}.facts dd{margin:0}
        .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .summary{color:var(--muted);margin-top:0;max-width:75ch}
        .note{font-size:13px;color:var(--muted);margin:6px 0 0;max-width:90ch}
        .block{margin:22px 0 0}
        .block-head{display:flex;align-items:baseline;justify-content:space-between;gap:12px;margin-bottom:8px}
        .csv{font-size:12.5px;white-space:nowrap;border:1px solid #C9CED6;border-radius:4px;padding:1px 7px;\
        text-decoration:none;color:#374151}
        .csv:hover{background:var(--soft)}
        .health{border-radius:8px;padding:14px 18px 10px;margin:22px 0 8px;border:1px solid}
        .health h2{margin:0 0 8px;font-size:18px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
        .health ul{list-style:none;margin:0;padding:0}
        .health li{display:grid;grid-template-columns:7.5em 11em 1fr;gap:4px 12px;padding:6px 0;\
        border-top:1px solid rgba(0,0,0,.08);align-items:baseline}
        .health li:first-child{border-top:0}
        .health .label{font-weight:600}
        .health li>.state{justify-self:start}
        .health-ok{background:#F3FAF6;border-color:#A7D8BF}
        .health-warning{background:#FFFAEB;border-color:#F2CE7C}
        .health-problem{background:#FEF4EE;border-color:#F0B28F}
        .state{display:inline-block;font-size:12.5px;font-weight:700;border-radius:999px;padding:1px 9px;\
        white-space:nowrap;line-height:1.5}
        .state-ok,.call-better{background:var(--ok-bg);color:var(--ok-ink)}
        .state-warning{background:var(--warn-bg);color:var(--warn-ink)}
        .state-problem,.call-worse{background:var(--bad-bg);color:var(--bad-ink)}
        .call-inconclusive,.call-too_few_data,.call-not_tested{background:var(--na-bg);color:var(--na-ink)}
        .callout{border-left:5px solid;border-radius:4px;padding:10px 16px;margin:18px 0;background:var(--soft)}
        .callout strong{display:block;margin-bottom:2px}
        .callout-ok{border-color:#009E73}.callout-warning{border-color:#E69F00}.callout-problem{border-color:#D55E00}
        nav.toc{margin:16px 0 0;font-size:14px}
        nav.toc ol{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0;padding:0;list-style:none}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{padding:7px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
        thead th{font-size:12.5px;font-weight:600;color:var(--muted);border-bottom:2px solid #CBD0D8;\
        vertical-align:bottom}
        tbody th{font-weight:600}
        .num{text-align:right;white-space:nowrap}
        .nd,.sub{display:block;font-size:12px;color:var(--muted);font-weight:400;white-space:nowrap}
        .test{display:block;font-size:12px;color:var(--muted);white-space:normal;max-width:17ch;margin-left:auto;\
        line-height:1.35;margin-top:2px}
        .def{display:block;font-size:12px;color:var(--muted);font-weight:400;max-width:26ch}
        .tag{display:inline-block;font-size:11px;font-weight:600;color:#5B4B8A;background:#EFEAFB;\
        border-radius:3px;padding:0 5px;margin-left:4px;vertical-align:1px}
        table.data td,table.data th{white-space:nowrap}
        table.data td.wrap{white-space:normal;min-width:18ch;max-width:48ch;overflow-wrap:anywhere}
        table.data tbody tr:nth-child(even){background:#FAFBFC}
        .cmp{min-width:860px}
        .cmp th.metric-name{min-width:150px}
        .cmp th,.cmp td{padding:7px 8px}
        .cmp .nd.ivl{white-space:normal}
        .cmp th.ci-col{width:240px}
        .cmp tbody.metric tr:last-child td,.cmp tbody.metric tr:last-child th{border-bottom:2px solid #CBD0D8}
        .cmp .ci-col{width:27%;min-width:240px}
        .cmp td:first-of-type{min-width:7em}
        .ci-axis{position:relative;height:16px;margin-top:4px;font-size:11px;color:var(--muted);font-weight:400}
        .ci-axis span{position:absolute;top:0;transform:translateX(-50%);white-space:nowrap}
        .ci-axis span.first{transform:none}.ci-axis span.last{transform:translateX(-100%)}
        .ci-axis.inline{display:none}
        svg.ci{display:block;width:100%;height:22px}
        .ci-text{display:block;font-size:12px;white-space:nowrap;margin-top:2px}
        .up{color:var(--ok-ink);font-weight:600}.down{color:var(--bad-ink);font-weight:600}
        figure{margin:0}
        svg.chart{display:block;width:100%;height:auto}
        .chart-wide svg.chart{max-width:960px}
        .chart-narrow{display:none}
        .chart-narrow svg.chart{max-width:560px}
        .funnels{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:18px 32px}
        .funnels svg.chart{max-width:420px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px;margin:0}
        .tile{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#FCFCFD}
        .tile dt{font-size:13px;color:var(--muted);font-weight:600}
        .tile dd{margin:0}
        .tile .value{font-size:24px;font-weight:700;line-height:1.3}
        .tile .detail{font-size:12px;color:var(--muted)}
        .heat td{text-align:right;min-width:3.8em}
        .heat thead th{white-space:normal;vertical-align:bottom;min-width:3.8em;max-width:7em}
        .heat td.expected{outline:2px solid #111827;outline-offset:-3px}
        .heat .share{display:block;font-size:11px;opacity:.85}
        .legend-line{font-size:12.5px;color:var(--muted);margin-top:6px}
        .ids{max-width:40ch}
        footer.methods{margin-top:48px;border-top:2px solid #CBD0D8;padding-top:6px;font-size:14px}
        footer.methods h2{margin-top:16px}
        footer.methods h3{margin:18px 0 6px}
        footer.methods dl{margin:0}
        footer.methods dt{font-weight:600;margin-top:8px}
        footer.methods dd{margin:2px 0 0;max-width:95ch}
        @media (max-width:760px){
        .page{padding:18px 14px 40px}
        h1{font-size:23px}h2{font-size:19px}
        .chart-wide{display:none}.chart-narrow{display:block}
        .health li{grid-template-columns:auto 1fr}.health li .detail{grid-column:1/-1}
        .cmp{min-width:0}
        .cmp thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .cmp,.cmp tbody,.cmp tr,.cmp td,.cmp th{display:block;width:100%}
        .cmp tbody.metric{border-bottom:2px solid #CBD0D8;padding-bottom:6px;margin-bottom:10px}
        .cmp tbody.metric tr:last-child td,.cmp tbody.metric tr:last-child th{border-bottom:0}
        .cmp th.metric-name{font-size:16px;border-bottom:0;padding:10px 0 2px}
        .cmp tr{padding:4px 0 8px;border-top:1px solid var(--line)}
        .cmp tr:first-child{border-top:0}
        .cmp td,table.reflow td{border:0;padding:3px 0;display:grid;grid-template-columns:8.5em minmax(0,1fr);gap:8px;\
        text-align:left;white-space:normal;min-width:0}
        .cmp td::before,table.reflow td::before{content:attr(data-label);font-size:12.5px;color:var(--muted);\
        font-weight:600}
        .cmp td.num,table.reflow td.num{white-space:normal;text-align:left}
        .cmp td.ci-col{min-width:0;width:100%}
        .cmp .test{margin-left:0;max-width:none}
        .nd{white-space:normal}
        .reflow{min-width:0}
        .reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .reflow,.reflow tbody,.reflow tr{display:block;width:100%}
        .reflow tr{border-top:1px solid var(--line);padding:6px 0}
        .reflow tbody tr:nth-child(even){background:none}
        .reflow th[scope=row]{display:block;border:0;padding:4px 0 2px;white-space:normal}
        table.data.reflow td.wrap{max-width:none;min-width:0}
        .v{min-width:0;overflow-wrap:anywhere}
        .ci-axis.inline{display:block;margin:0 0 2px}.ci-axis.inline .minor{display:none}
        .tiles{grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px}
        .tile{padding:10px 12px}.tile .value{font-size:21px}
        .heat th[scope=row]{white-space:normal;min-width:6.5em}
        .heat thead th:first-child{white-space:normal;min-width:6.5em}
        .def{max-width:none}
        }
        @media print{
        body{font-size:10.5pt}.page{max-width:none;padding:0}
        nav.toc,.csv{display:none}
        .chart-wide{display:block}.chart-narrow{display:none}
        .scroll{overflow:visible}.cmp{min-width:0}
        thead{display:table-header-group}tr,figure,.tile,.health li{break-inside:avoid}
        h2,h3{break-after:avoid}
        a{color:inherit;text-decoration:none}
        }
        """
}
