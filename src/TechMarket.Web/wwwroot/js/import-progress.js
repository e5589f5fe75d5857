// Import job page: polls the job's Progress handler once a second, moves the bar, reloads when the job has finished.
(function () {
    const box = document.getElementById('import-job');
    if (!box || box.dataset.finished === 'true') return;
    const bar = document.getElementById('job-progress');
    const set = (id, value) => { const el = document.getElementById(id); if (el) el.textContent = value; };
    async function poll() {
        try {
            const response = await fetch(box.dataset.progressUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const p = await response.json();
                if (p.finished) { window.location.reload(); return; }
                set('rows-read', p.rowsRead); set('accepted', p.accepted); set('rejected', p.rejectedRows);
                if (p.percent !== null) {
                    bar.style.width = Math.max(p.percent, 2) + '%';
                    bar.setAttribute('aria-valuenow', p.percent);
                    bar.textContent = p.percent + '%';
                }
            }
        } catch (e) { /* network blip: try again */ }
        setTimeout(poll, 1000);
    }
    setTimeout(poll, 1000);
})();
