package org.illflow.security;

/** What security needs to know of patrons, without reaching into the patron package's tables. */
public interface PatronAccounts {

    boolean isPatron(String userId);

    /** The patron's preferred language ("zh" or "en"), or null when the user is not a patron. */
    String preferredLanguage(String userId);
}
