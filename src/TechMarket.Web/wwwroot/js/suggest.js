// Autocomplete for the search box: fills the <datalist> from GET /api/v1/suggest?q= as the user types.
(function () {
    var input = document.querySelector('input[data-suggest]');
    if (!input) return;
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null, last = '';
    input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            var q = input.value.trim();
            if (q === last || q.length < 1) return;
            last = q;
            fetch('/api/v1/suggest?q=' + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
                list.replaceChildren();
                items.forEach(function (s) { var o = document.createElement('option'); o.value = s.title; list.appendChild(o); });
            });
        }, 150);
    });
})();
