// illflow: served for Tasklist, Cockpit, Admin and Welcome by desk.WebappLanguage (replaces the webjar's config.js).
// The staff webapps speak the language the staff member chose in the portal (中文 / English), Chinese by default.
// Camunda picks the first browser language it offers, so the portal's choice is put first for this page.
try {
  Object.defineProperty(window.navigator, 'languages', {value: ['__LANGUAGE__'], configurable: true});
} catch (e) {
  // an old browser keeps its own language; both are offered
}

// Errors where the eye is (Tasklist): a refusal of a start or task form (the engine answers with a message such
// as "页码（pages）：页码无效… / Pages: …", the field's form key in brackets) is shown again right under the field it names, or at the button that was pressed,
// and scrolled into view — Tasklist itself puts it at the top of a long form, out of sight.
if (window.location.pathname.indexOf('/tasklist/') >= 0) {
  (function () {
    var pressed = null;
    document.addEventListener('click', function (event) {
      var button = event.target && event.target.closest ? event.target.closest('button, input[type=submit]') : null;
      if (button && !button.closest('.notifications, .illflow-refusal')) {
        pressed = button;
      }
    }, true);
    // Camunda Forms name their fields Field_<Key> (Field_Pages for "pages"); embedded forms use cam-variable-name
    function fieldNamed(message) {
      var named = /（([A-Za-z][A-Za-z0-9]*)）：/.exec(message);
      if (!named) {
        return null;
      }
      var key = named[1];
      var id = 'Field_' + key.charAt(0).toUpperCase() + key.slice(1);
      var input = document.querySelector('[id$="' + id + '"], [id*="' + id + '-"], [cam-variable-name="' + key + '"],'
          + ' [name="' + key + '"]');
      if (!input) {
        return null;
      }
      return input.closest('.fjs-form-field') || input.closest('.form-group') || input.parentElement;
    }
    function show(alert) {
      var message = (alert.querySelector('.message') || alert).textContent.replace(/\s+/g, ' ').trim();
      if (!message) {
        return;
      }
      document.querySelectorAll('.illflow-refusal').forEach(function (old) { old.remove(); });
      var box = document.createElement('div');
      box.className = 'illflow-refusal';
      box.setAttribute('role', 'alert');
      box.textContent = message;
      var field = fieldNamed(message);
      if (field) {
        field.appendChild(box);
      } else if (pressed && pressed.isConnected) {
        pressed.insertAdjacentElement('beforebegin', box);
      } else {
        return;
      }
      box.scrollIntoView({block: 'center'});
    }
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1 || node.classList.contains('illflow-refusal')) {
            return;
          }
          var alert = node.matches('.alert-danger') ? node : node.querySelector('.alert-danger');
          if (alert) {
            show(alert);
          }
        });
      });
    }).observe(document.documentElement, {childList: true, subtree: true});
  })();
}

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: '__LANGUAGE__'
  },
  __APP_CONFIG__
};
