// Live auction updates: every element with data-auction joins that auction's SignalR group. Updates carry the
// auction's sequence; an update that skips a number, and every (re)connection, triggers a resync from
// GET /api/v1/auctions/{id}. The countdown runs on server time (offset measured from the server's clock).
(function () {
    'use strict';
    const roots = Array.from(document.querySelectorAll('[data-auction]'));
    if (roots.length === 0 || typeof signalR === 'undefined') return;

    const room = document.getElementById('auction-room');
    let offsetMs = room && room.dataset.serverNow ? Date.parse(room.dataset.serverNow) - Date.now() : 0;
    const state = new Map(); // auction id -> { seq, roots }
    for (const el of roots) {
        const id = el.dataset.auction;
        if (!state.has(id)) state.set(id, { seq: Number(el.dataset.sequence || 0), roots: [] });
        state.get(id).roots.push(el);
    }

    const yuan = fen => fen === null || fen === undefined ? '—'
        : '¥' + (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const beijing = iso => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });
    const set = (root, field, text) => root.querySelectorAll('[data-field="' + field + '"]').forEach(e => { e.textContent = text; });

    function render(id, s) {
        for (const root of state.get(id).roots) {
            set(root, 'price', yuan(s.priceFen));
            set(root, 'leader', s.leader || '—');
            set(root, 'next-min', yuan(s.nextMinimumFen));
            set(root, 'accepted', String(s.acceptedBids));
            root.querySelectorAll('[data-field="ends-at"]').forEach(e => { e.setAttribute('datetime', s.endsAt); e.textContent = beijing(s.endsAt); });
            if (s.status === 'closed') set(root, 'status', s.outcome === 'sold' ? '已成交' : '流拍');
            if (s.extended) root.querySelectorAll('[data-field="extended"]').forEach(e => e.classList.remove('d-none'));
            const input = root.querySelector('[data-field="next-min-input"]');
            if (input && document.activeElement !== input && !input.dataset.touched) input.value = (s.nextMinimumFen / 100).toFixed(2);
            const mine = root.dataset.myCode;
            const status = root.querySelector('[data-field="my-status"]');
            if (mine && status && s.leader) {
                if (s.leader === mine) { status.textContent = '您当前领先'; status.dataset.hasBid = 'true'; }
                else if (status.dataset.hasBid === 'true') status.textContent = '您已被超越';
            }
        }
    }

    function historyRow(b) {
        const tr = document.createElement('tr');
        for (const text of [b.bidder, beijing(b.at), yuan(b.priceAfterFen), b.leaderAfter]) {
            const td = document.createElement('td');
            td.textContent = text;
            tr.appendChild(td);
        }
        return tr;
    }

    async function resync(id) {
        const response = await fetch('/api/v1/auctions/' + id, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const view = await response.json();
        offsetMs = Date.parse(view.serverTime) - Date.now();
        state.get(id).seq = view.sequence;
        render(id, view);
        for (const root of state.get(id).roots) {
            const body = root.querySelector('[data-field="history"]');
            if (!body) continue;
            body.replaceChildren(...view.history.slice().reverse().map(historyRow));
            const empty = document.getElementById('history-empty');
            if (empty && view.history.length > 0) empty.remove();
        }
    }

    function onUpdate(u) {
        const entry = state.get(u.auctionId);
        if (!entry || u.sequence <= entry.seq) return; // old or repeated
        if (u.sequence !== entry.seq + 1) { resync(u.auctionId); return; } // a gap: take the full state
        entry.seq = u.sequence;
        render(u.auctionId, u);
        if (u.lastBid && u.status === 'open') {
            for (const root of entry.roots) {
                const body = root.querySelector('[data-field="history"]');
                if (body) body.prepend(historyRow(u.lastBid));
            }
            const empty = document.getElementById('history-empty');
            if (empty) empty.remove();
        }
    }

    document.querySelectorAll('[data-field="next-min-input"]').forEach(i => i.addEventListener('input', () => { i.dataset.touched = '1'; }));

    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/auctions').withAutomaticReconnect().build();
    connection.on('auctionUpdated', onUpdate);
    async function joinAll() {
        for (const id of state.keys()) {
            await connection.invoke('JoinAuction', id);
            await resync(id);
        }
        document.documentElement.dataset.auctionLive = 'connected';
    }
    connection.onreconnecting(() => { document.documentElement.dataset.auctionLive = 'reconnecting'; });
    connection.onreconnected(() => joinAll());
    connection.start().then(joinAll).catch(() => { document.documentElement.dataset.auctionLive = 'offline'; });

    function tick() {
        const now = Date.now() + offsetMs;
        document.querySelectorAll('[data-field="countdown"]').forEach(el => {
            const root = el.closest('[data-auction]');
            const endsEl = root && root.querySelector('[data-field="ends-at"]');
            if (!endsEl) return;
            let left = Math.max(0, Math.floor((Date.parse(endsEl.getAttribute('datetime')) - now) / 1000));
            const d = Math.floor(left / 86400); left %= 86400;
            const h = Math.floor(left / 3600); left %= 3600;
            const m = Math.floor(left / 60); const s = left % 60;
            el.textContent = (d > 0 ? d + ' ' + (el.dataset.dayUnit || '天') + ' ' : '') + String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
        });
    }
    tick();
    setInterval(tick, 1000);
})();
