package org.domus.core.internal.upload;

import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF screening with PDFBox: the document must parse, must not be encrypted and must not carry actions that
 * run code or other programs when opened or clicked.
 */
final class Pdfs {

    /** Action types that run scripts, start programs or fetch and send data. */
    private static final Set<String> ACTIVE_ACTIONS =
            Set.of("JavaScript", "Launch", "ImportData", "SubmitForm", "RichMediaExecute", "Rendition");

    private Pdfs() {}

    static void check(byte[] bytes) {
        PDDocument document;
        try {
            // the bytes are at most the policy's limit; parsing stays in main memory with a bound
            document =
                    PDDocument.load(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(bytes.length * 4L));
        } catch (InvalidPasswordException e) {
            throw Inspection.invalid("upload.damaged");
        } catch (IOException | RuntimeException e) {
            throw Inspection.invalid("upload.damaged");
        }
        try (document) {
            if (document.isEncrypted() || document.getNumberOfPages() < 1) {
                throw Inspection.invalid("upload.damaged");
            }
            for (COSObject object : document.getDocument().getObjects()) {
                if (isActive(object.getObject())) {
                    throw Inspection.invalid("upload.damaged");
                }
            }
            COSDictionary names = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.NAMES);
            if (names != null && names.containsKey(COSName.JAVA_SCRIPT)) {
                throw Inspection.invalid("upload.damaged");
            }
        } catch (IOException e) {
            throw Inspection.invalid("upload.damaged");
        }
    }

    /** Whether an object is (or directly holds) an action that runs code. */
    private static boolean isActive(COSBase base) {
        if (!(base instanceof COSDictionary dictionary)) {
            return false;
        }
        if (dictionary.containsKey(COSName.JS)) {
            return true;
        }
        String subtype = dictionary.getNameAsString(COSName.S);
        if (subtype != null && ACTIVE_ACTIONS.contains(subtype)) {
            return true;
        }
        // direct (not indirect) action dictionaries are not in the object table; look one level down
        for (COSName key : new COSName[] {COSName.OPEN_ACTION, COSName.A}) {
            COSBase action = dictionary.getDictionaryObject(key);
            if (action instanceof COSDictionary inner && inner != dictionary && isActiveAction(inner)) {
                return true;
            }
        }
        COSBase additional = dictionary.getDictionaryObject(COSName.AA);
        if (additional instanceof COSDictionary aa) {
            for (COSBase trigger : aa.getValues()) {
                COSBase resolved = trigger instanceof COSObject o ? o.getObject() : trigger;
                if (resolved instanceof COSDictionary inner && isActiveAction(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isActiveAction(COSDictionary action) {
        String subtype = action.getNameAsString(COSName.S);
        return action.containsKey(COSName.JS) || (subtype != null && ACTIVE_ACTIONS.contains(subtype));
    }
}
