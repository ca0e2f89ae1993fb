package io.consultdesk.command.campaign;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Detection on receipt, on by default; {@code consultdesk.campaigns.enabled=false} receives comments without it
 * (what it costs is measured that way).
 */
@Configuration
public class CampaignConfiguration {

    /** Where clusters are found by their bands, and what their confirmations and decisions say to joiners. */
    @Bean
    public CampaignIndex campaignIndex(MongoDatabase eventDatabase) {
        return new MongoCampaignIndex(eventDatabase.getCollection(MongoCampaignIndex.COLLECTION));
    }

    @Bean
    @ConditionalOnProperty(name = "consultdesk.campaigns.enabled", havingValue = "true", matchIfMissing = true)
    public CampaignDetector campaignDetector(CampaignIndex campaignIndex) {
        return new CampaignDetector(CampaignSettings.DEFAULT, campaignIndex);
    }
}
