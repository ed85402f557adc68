package org.illflow.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.catalog.sru.*: the library catalogue's SRU endpoint. Empty base URL: no live lookup, imported holdings
 * only. Index names differ between servers (read the server's {@code operation=explain} first): Bath/Dublin Core
 * {@code bath.isbn}, {@code bath.issn}, {@code dc.title} by default; Alma uses {@code alma.isbn} and so on.
 */
@Component
@ConfigurationProperties("illflow.catalog.sru")
public class SruSettings {

    private String baseUrl = "";
    /** 1.2 (namespace http://www.loc.gov/zing/srw/) or 2.0 (no operation parameter). */
    private String version = "1.2";
    private String isbnIndex = "bath.isbn";
    private String issnIndex = "bath.issn";
    private String titleIndex = "dc.title";
    private String recordSchema = "marcxml";
    private int maximumRecords = 5;
    /** Short: the patron waits for the one-stop check; a slow catalogue is treated as down. */
    private Duration timeout = Duration.ofSeconds(3);

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getIsbnIndex() {
        return isbnIndex;
    }

    public void setIsbnIndex(String isbnIndex) {
        this.isbnIndex = isbnIndex;
    }

    public String getIssnIndex() {
        return issnIndex;
    }

    public void setIssnIndex(String issnIndex) {
        this.issnIndex = issnIndex;
    }

    public String getTitleIndex() {
        return titleIndex;
    }

    public void setTitleIndex(String titleIndex) {
        this.titleIndex = titleIndex;
    }

    public String getRecordSchema() {
        return recordSchema;
    }

    public void setRecordSchema(String recordSchema) {
        this.recordSchema = recordSchema;
    }

    public int getMaximumRecords() {
        return maximumRecords;
    }

    public void setMaximumRecords(int maximumRecords) {
        this.maximumRecords = maximumRecords;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
