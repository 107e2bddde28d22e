package org.domus.communications.web.internal.announce;

/** Routes and parameter kinds of the announcement views. */
final class AnnouncementContributions {

    static final String LIST_ROUTE = "communications/announcements";
    static final String EDITOR_ROUTE = "communications/announcement";
    static final String NEWS_ROUTE = "communications/news";
    static final String NEWS_ITEM_ROUTE = "communications/news-item";

    /** The URL parameter of the editor and the resident's page: an announcement id. */
    static final String PARAMETER_ANNOUNCEMENT = "communications.announcement";

    /** Staff views sit with the community tools. */
    static final String GROUP = "menu.group.community";

    /** The residents' group: News sits next to "My home". */
    static final String RESIDENT_GROUP = "menu.group.main";

    private AnnouncementContributions() {}
}
