package com.acme.analytics.metrics;

import com.acme.analytics.domain.campaigns.CampaignDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;

/** A campaign's daily rollups over a date range, oldest first. */
@ApplicationScoped
public class CampaignHistory {

    @PersistenceContext(unitName = "analytics")
    EntityManager em;

    /** @param from first UTC day, inclusive; @param to last UTC day, inclusive */
    public List<CampaignDay> days(String workspaceId, String campaignId, LocalDate from, LocalDate to) {
        return em.createQuery("""
                        select d from CampaignDay d
                        where d.workspaceId = :workspace and d.campaignId = :campaign and d.day between :from and :to
                        order by d.day""", CampaignDay.class)
                .setParameter("workspace", workspaceId)
                .setParameter("campaign", campaignId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
