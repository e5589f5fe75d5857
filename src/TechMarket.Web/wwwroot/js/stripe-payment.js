// Card payment with Stripe's Payment Element. Stripe.js is loaded from https://js.stripe.com/v3 (Stripe requires it to be
// loaded from there) only on pages where a publishable key is configured. Where it cannot be reached, the element is
// hidden and the bank-transfer instructions beside it stay the way to pay.
(function () {
    'use strict';
    var box = document.getElementById('payment-element');
    if (!box) return;
    var form = document.getElementById('card-form');
    var failed = false;

    function fail() {
        if (failed) return;
        failed = true;
        box.hidden = true;
        var submit = document.getElementById('card-submit');
        if (submit) submit.disabled = true;
        var message = document.getElementById('stripe-load-error');
        if (message) message.hidden = false;
    }

    function start() {
        if (typeof window.Stripe !== 'function') { fail(); return; }
        var stripe = window.Stripe(box.dataset.publishableKey);
        var lang = (document.documentElement.lang || 'zh').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
        var elements = stripe.elements({ clientSecret: box.dataset.clientSecret, locale: lang });
        elements.create('payment').mount(box);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            stripe.confirmPayment({ elements: elements, confirmParams: { return_url: box.dataset.returnUrl } }).then(function (result) {
                if (result.error) {
                    var error = document.getElementById('card-error');
                    error.textContent = result.error.message;
                    error.hidden = false;
                }
            });
        });
    }

    var script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3';
    script.async = true;
    script.onload = start;
    script.onerror = fail;
    document.head.appendChild(script);
    // A network that swallows the request never calls onerror: give up after 15 s.
    window.setTimeout(function () { if (typeof window.Stripe !== 'function') fail(); }, 15000);
})();
