package org.illflow.portal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin's form for a self-service resource. */
public class ResourceForm {

    @NotBlank(message = "{resource.name.required}")
    @Size(max = 200, message = "{resource.tooLong}")
    private String nameZh;

    @NotBlank(message = "{resource.name.required}")
    @Size(max = 200, message = "{resource.tooLong}")
    private String nameEn;

    @NotBlank(message = "{resource.url.invalid}")
    @Size(max = 500, message = "{resource.tooLong}")
    @Pattern(regexp = "https?://[^\\s<>\"]+", message = "{resource.url.invalid}")
    private String url;

    @NotBlank(message = "{resource.description.required}")
    @Size(max = 1000, message = "{resource.tooLong}")
    private String descriptionZh;

    @NotBlank(message = "{resource.description.required}")
    @Size(max = 1000, message = "{resource.tooLong}")
    private String descriptionEn;

    private boolean forArticles = true;
    private boolean forBooks;
    private boolean chineseContent;
    private boolean openAccess;

    @Min(value = 0, message = "{resource.position.invalid}")
    @Max(value = 999, message = "{resource.position.invalid}")
    private int position;

    private boolean active = true;

    static ResourceForm of(SelfServiceResource r) {
        ResourceForm f = new ResourceForm();
        f.nameZh = r.getNameZh();
        f.nameEn = r.getNameEn();
        f.url = r.getUrl();
        f.descriptionZh = r.getDescriptionZh();
        f.descriptionEn = r.getDescriptionEn();
        f.forArticles = r.isForArticles();
        f.forBooks = r.isForBooks();
        f.chineseContent = r.isChineseContent();
        f.openAccess = r.isOpenAccess();
        f.position = r.getPosition();
        f.active = r.isActive();
        return f;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public String getNameZh() { return nameZh; }
    public void setNameZh(String v) { nameZh = strip(v); }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String v) { nameEn = strip(v); }
    public String getUrl() { return url; }
    public void setUrl(String v) { url = strip(v); }
    public String getDescriptionZh() { return descriptionZh; }
    public void setDescriptionZh(String v) { descriptionZh = strip(v); }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String v) { descriptionEn = strip(v); }
    public boolean isForArticles() { return forArticles; }
    public void setForArticles(boolean v) { forArticles = v; }
    public boolean isForBooks() { return forBooks; }
    public void setForBooks(boolean v) { forBooks = v; }
    public boolean isChineseContent() { return chineseContent; }
    public void setChineseContent(boolean v) { chineseContent = v; }
    public boolean isOpenAccess() { return openAccess; }
    public void setOpenAccess(boolean v) { openAccess = v; }
    public int getPosition() { return position; }
    public void setPosition(int v) { position = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
}
