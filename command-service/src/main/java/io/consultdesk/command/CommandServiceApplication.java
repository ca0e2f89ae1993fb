package io.consultdesk.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: validates commands against aggregates, records events, relays them to Kafka. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        // offline by design: no usage reporting to the framework vendor
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
