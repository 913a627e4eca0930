/*
 * UserDesk: behaviour of the edit page that needs the browser (loaded as a file: the Content-Security-Policy forbids
 * inline script).
 *
 * 1. Unsaved-changes guard. The form's fields are compared with a baseline taken when the page loads and again after
 *    each successful save (a new correlation id appears). Only when something differs: following a link inside the
 *    portal opens a "Leave without saving?" dialog, and closing or reloading the tab (or Back) triggers the browser's
 *    own beforeunload prompt.
 * 2. The one-time temporary password: a copy button, and the password is wiped from the page when the page is left
 *    (pagehide) or brought back from the back-forward cache (pageshow), so Back never shows it again.
 */
(function () {
    'use strict';

    var FORM_ID = 'editForm';
    var baseline = null;
    var lastCorrelationId = null;
    var leaving = false;
    var pendingHref = null;
    var returnFocusTo = null;

    function editForm() {
        return document.getElementById(FORM_ID);
    }

    function fields() {
        var form = editForm();
        if (!form) {
            return [];
        }
        return Array.prototype.filter.call(form.elements, function (element) {
            return element.name && element.type !== 'hidden' && element.type !== 'submit' && element.type !== 'button'
                && !/_filter$/.test(element.name) && !/_focus$/.test(element.name);
        });
    }

    function valueOf(element) {
        return element.type === 'checkbox' || element.type === 'radio' ? element.checked : element.value;
    }

    function snapshot() {
        baseline = {};
        fields().forEach(function (element) {
            baseline[element.name] = valueOf(element);
        });
    }

    function isDirty() {
        if (baseline === null) {
            return false;
        }
        return fields().some(function (element) {
            var now = valueOf(element);
            if (Object.prototype.hasOwnProperty.call(baseline, element.name)) {
                return baseline[element.name] !== now;
            }
            return now !== '' && now !== false; // a field that appeared later (e.g. the new password) and was filled
        });
    }

    function currentCorrelationId() {
        var saved = document.getElementById('correlationId');
        return saved ? saved.textContent.trim() : null;
    }

    function afterAjax() {
        var id = currentCorrelationId();
        if (id && id !== lastCorrelationId) { // a save succeeded: what is on screen is now what Partner Center has
            lastCorrelationId = id;
            snapshot();
        }
    }

    function guardDialog() {
        return document.getElementById('leaveGuard');
    }

    function askBeforeLeaving(href, link) {
        var dialog = guardDialog();
        if (!dialog || typeof dialog.showModal !== 'function') {
            return window.confirm(dialog ? dialog.getAttribute('data-question') : 'Leave without saving?');
        }
        pendingHref = href;
        returnFocusTo = link;
        dialog.showModal();
        var stay = document.getElementById('leaveGuardStay');
        if (stay) {
            stay.focus();
        }
        return false;
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!link || !editForm() || event.defaultPrevented || link.target === '_blank' || event.ctrlKey
            || event.metaKey || event.shiftKey) {
            return;
        }
        var href = link.getAttribute('href');
        if (!href || href.charAt(0) === '#' || /^javascript:/i.test(href) || !isDirty()) {
            return;
        }
        event.preventDefault();
        if (askBeforeLeaving(link.href, link)) {
            leaving = true;
            window.location.href = link.href;
        }
    }, true);

    document.addEventListener('click', function (event) {
        var target = event.target;
        if (!target || !target.closest) {
            return;
        }
        if (target.closest('#leaveGuardLeave')) {
            leaving = true;
            guardDialog().close();
            window.location.href = pendingHref;
        } else if (target.closest('#leaveGuardStay')) {
            guardDialog().close();
            if (returnFocusTo) {
                returnFocusTo.focus();
            }
        } else if (target.closest('#copyPassword')) {
            copyPassword(target.closest('#copyPassword'));
        }
    });

    window.addEventListener('beforeunload', function (event) {
        if (!leaving && isDirty()) {
            event.preventDefault();
            event.returnValue = '';
            return '';
        }
        return undefined;
    });

    // Submitting the edit form itself by a full-page post is not leaving (the form uses Ajax; this is a safety net).
    document.addEventListener('submit', function (event) {
        if (event.target && event.target.id === FORM_ID) {
            leaving = true;
        }
    }, true);

    function copyPassword(button) {
        var secret = document.getElementById(button.getAttribute('data-target'));
        var status = document.getElementById('copyStatus');
        if (!secret) {
            return;
        }
        var text = secret.textContent.trim();
        function say(attribute) {
            if (status) {
                status.textContent = button.getAttribute(attribute);
            }
        }
        function fallback() {
            var range = document.createRange();
            range.selectNodeContents(secret);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            var copied = false;
            try {
                copied = document.execCommand('copy');
            } catch (e) {
                copied = false;
            }
            say(copied ? 'data-copied' : 'data-failed');
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () {
                say('data-copied');
            }, fallback);
        } else {
            fallback();
        }
    }

    function wipeSecrets() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-ud-secret]'), function (element) {
            element.textContent = '';
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-ud-secret-panel]'), function (element) {
            element.hidden = true;
        });
    }

    window.addEventListener('pagehide', wipeSecrets);
    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            wipeSecrets();
        }
    });

    window.addEventListener('load', function () {
        window.setTimeout(function () {
            lastCorrelationId = currentCorrelationId();
            snapshot();
        }, 0);
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', afterAjax);
        }
    });

    /** For tests and for other scripts: whether the edit form differs from what was loaded or last saved. */
    window.UserDeskEditing = {
        isDirty: isDirty
    };
}());
