package org.illflow.portal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The seed library's self-service platforms and open-access sources, on the embedded default (admins edit the
 * list on /admin/resources). Loaded once, when the list is empty.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "illflow.demo-data.enabled", havingValue = "true")
class DemoResources implements ApplicationRunner {

    private final SelfServiceResources resources;

    DemoResources(SelfServiceResources resources) {
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!resources.isEmpty()) {
            return;
        }
        add(10, "读秀学术搜索", "Duxiu", "https://www.duxiu.com/", "中文图书、期刊全文检索，图书可按页试读并通过邮箱传递部分原文。",
                "Chinese books and journals; read sample pages and have parts of a book e-mailed to you.", true, true, true, false);
        add(20, "百链云图书馆", "Bailian", "https://www.blyun.com/", "中外文学术资源统一检索，支持文献互助传递。",
                "Searches Chinese and foreign scholarly resources together, with mutual document delivery.", true, true, true, false);
        add(30, "超星发现", "Chaoxing Discovery", "https://www.zhizhen.com/", "学术资源发现平台，快速定位本馆与联盟馆藏。",
                "Discovery service that locates items in this library and partner libraries.", true, true, true, false);
        add(40, "维普期刊服务平台", "VIP Journals", "https://qikan.cqvip.com/", "中文科技期刊全文，适合查找中文期刊论文。",
                "Full text of Chinese science and technology journals.", true, false, true, false);
        add(50, "OALib 开放获取图书馆", "OALib (Open Access Library)", "https://www.oalib.com/", "开放获取论文检索，可免费下载全文。",
                "Open-access papers you can download free of charge.", true, false, false, true);
        add(60, "DOAJ 开放获取期刊目录", "DOAJ (Directory of Open Access Journals)", "https://doaj.org/",
                "经过审核的开放获取期刊目录，文章可免费阅读。", "Vetted open-access journals; articles are free to read.",
                true, false, false, true);
    }

    private void add(int position, String nameZh, String nameEn, String url, String descriptionZh,
            String descriptionEn, boolean articles, boolean books, boolean chinese, boolean openAccess) {
        ResourceForm form = new ResourceForm();
        form.setPosition(position);
        form.setNameZh(nameZh);
        form.setNameEn(nameEn);
        form.setUrl(url);
        form.setDescriptionZh(descriptionZh);
        form.setDescriptionEn(descriptionEn);
        form.setForArticles(articles);
        form.setForBooks(books);
        form.setChineseContent(chinese);
        form.setOpenAccess(openAccess);
        form.setActive(true);
        resources.add(form);
    }
}
