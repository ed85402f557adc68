package org.illflow.portal;

import java.util.List;
import java.util.Optional;

import org.illflow.citation.Citation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin-edited list of self-service and open-access sources, and which of them suit a citation. */
@Service
@Transactional
public class SelfServiceResources {

    private final SelfServiceResourceRepository resources;

    SelfServiceResources(SelfServiceResourceRepository resources) {
        this.resources = resources;
    }

    @Transactional(readOnly = true)
    public List<SelfServiceResource> all() {
        return resources.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public List<SelfServiceResource> active() {
        return all().stream().filter(SelfServiceResource::isActive).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SelfServiceResource> byId(long id) {
        return resources.findById(id);
    }

    /**
     * Sources likely to have the item: those for its kind (article or book); Chinese-language platforms for
     * Chinese items, and open-access sources for anything.
     */
    @Transactional(readOnly = true)
    public List<SelfServiceResource> likelyFor(Citation citation) {
        boolean book = citation.genre().returnable();
        boolean chinese = "zh".equals(citation.language()) || containsChinese(citation.title());
        return active().stream()
                .filter(r -> book ? r.isForBooks() : r.isForArticles())
                .filter(r -> r.isOpenAccess() || r.isChineseContent() == chinese)
                .toList();
    }

    private static boolean containsChinese(String text) {
        return text != null && text.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    public SelfServiceResource add(ResourceForm form) {
        return resources.save(new SelfServiceResource(form));
    }

    public void update(long id, ResourceForm form) {
        resources.findById(id).orElseThrow().apply(form);
    }

    public void delete(long id) {
        resources.deleteById(id);
    }

    public boolean isEmpty() {
        return resources.count() == 0;
    }
}
