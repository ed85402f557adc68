// illflow: served for Tasklist, Cockpit, Admin and Welcome by desk.WebappLanguage (replaces the webjar's config.js).
// The staff webapps speak the language the staff member chose in the portal (中文 / English), Chinese by default.
// Camunda picks the first browser language it offers, so the portal's choice is put first for this page.
try {
  Object.defineProperty(window.navigator, 'languages', {value: ['__LANGUAGE__'], configurable: true});
} catch (e) {
  // an old browser keeps its own language; both are offered
}

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: '__LANGUAGE__'
  },
  __APP_CONFIG__
};
