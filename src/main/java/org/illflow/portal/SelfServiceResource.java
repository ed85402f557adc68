package org.illflow.portal;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A self-service delivery platform or open-access source the library points readers to. */
@Entity
@Table(name = "self_service_resource")
public class SelfServiceResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name_zh", nullable = false, length = 200)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Column(nullable = false, length = 500)
    private String url;

    @Column(name = "description_zh", nullable = false, length = 1000)
    private String descriptionZh;

    @Column(name = "description_en", nullable = false, length = 1000)
    private String descriptionEn;

    @Column(name = "for_articles", nullable = false)
    private boolean forArticles;

    @Column(name = "for_books", nullable = false)
    private boolean forBooks;

    @Column(name = "chinese_content", nullable = false)
    private boolean chineseContent;

    @Column(name = "open_access", nullable = false)
    private boolean openAccess;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active;

    @Version
    private int version;

    protected SelfServiceResource() {
    }

    SelfServiceResource(ResourceForm form) {
        apply(form);
    }

    void apply(ResourceForm form) {
        this.nameZh = form.getNameZh();
        this.nameEn = form.getNameEn();
        this.url = form.getUrl();
        this.descriptionZh = form.getDescriptionZh();
        this.descriptionEn = form.getDescriptionEn();
        this.forArticles = form.isForArticles();
        this.forBooks = form.isForBooks();
        this.chineseContent = form.isChineseContent();
        this.openAccess = form.isOpenAccess();
        this.position = form.getPosition();
        this.active = form.isActive();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
    }

    public Long getId() {
        return id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getUrl() {
        return url;
    }

    public String getDescriptionZh() {
        return descriptionZh;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public boolean isForArticles() {
        return forArticles;
    }

    public boolean isForBooks() {
        return forBooks;
    }

    public boolean isChineseContent() {
        return chineseContent;
    }

    public boolean isOpenAccess() {
        return openAccess;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
