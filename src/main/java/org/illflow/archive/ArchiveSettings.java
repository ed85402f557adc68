package org.illflow.archive;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * illflow.archive.*: where delivered full texts are kept, how large one may be, and how long a patron's download
 * link works. In a cluster the root is a volume every node shares.
 */
@Component
@ConfigurationProperties("illflow.archive")
public class ArchiveSettings {

    private Path root = Path.of("data", "archive");
    private DataSize maxFileSize = DataSize.ofMegabytes(50);
    private Duration linkValidFor = Duration.ofDays(30);

    public Path getRoot() {
        return root;
    }

    public void setRoot(Path root) {
        this.root = root;
    }

    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public Duration getLinkValidFor() {
        return linkValidFor;
    }

    public void setLinkValidFor(Duration linkValidFor) {
        this.linkValidFor = linkValidFor;
    }
}
