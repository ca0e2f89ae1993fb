package io.consultdesk.query.submission;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One item's current state, as the read side knows it. */
@RestController
@RequestMapping("/api/submissions")
public class SubmissionQueryController {

    private final MongoCollection<Document> items;

    public SubmissionQueryController(MongoDatabase viewsDatabase) {
        this.items = viewsDatabase.getCollection(SubmissionProjection.COLLECTION);
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> find(@PathVariable String id) {
        Document item = items.find(Filters.eq("_id", id)).first();
        if (item == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no item with id '" + id + "' (yet)"));
        }
        item.put("id", item.remove("_id"));
        item.put("version", item.remove("lastSequence"));
        return ResponseEntity.ok(item);
    }
}
