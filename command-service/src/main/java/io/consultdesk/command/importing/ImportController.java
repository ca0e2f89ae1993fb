package io.consultdesk.command.importing;

import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.web.CurrentActor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * Imports a table of comments (multipart field {@code file}: .txt, .csv, .xlsx or .docx); {@code ?dryRun=true}
 * records nothing; {@code columns=opinion:意见描述,outcome:处理结果} names the roles of headers it does not
 * recognise; {@code published=true} takes the table as already published (names and 序号 kept as written);
 * {@code fillDown=true} gives a blank 采纳情况 the one of the decided row above.
 */
@RestController
@RequestMapping("/api/consultations/{consultationId}/imports")
public class ImportController {

    private final TableImport tableImport;
    private final CurrentActor currentActor;

    public ImportController(TableImport tableImport, CurrentActor currentActor) {
        this.tableImport = tableImport;
        this.currentActor = currentActor;
    }

    @PostMapping(consumes = "multipart/form-data")
    public ImportReport importTable(@PathVariable String consultationId,
                                    @RequestPart(name = "file", required = false) MultipartFile file,
                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                    @RequestParam(required = false) String columns,
                                    @RequestParam(defaultValue = "false") boolean published,
                                    @RequestParam(defaultValue = "false") boolean fillDown) throws IOException {
        if (file == null) {
            throw new InvalidField("file", "attach the table as the multipart field 'file' (.txt, .csv, .xlsx or .docx)");
        }
        if (file.isEmpty()) {
            throw new InvalidField("file", "the file '" + file.getOriginalFilename() + "' is empty (0 bytes): there is no table in it");
        }
        ColumnMapping mapping = ColumnMapping.parse(columns);
        try (InputStream in = file.getInputStream()) {
            return tableImport.run(consultationId, file.getOriginalFilename(), in,
                    new ImportOptions(mapping, dryRun, published, fillDown), currentActor.get());
        } catch (TableReader.UnsupportedTableFormat | MalformedTable e) {
            throw new InvalidField("file", e.getMessage());
        }
    }
}
