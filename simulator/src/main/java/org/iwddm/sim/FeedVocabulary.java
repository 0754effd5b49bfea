package org.iwddm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The fixed names a generated feed draws from. Some deliberately hold quotes, tabs, newlines,
 * backslashes and non-ASCII characters: the loader must keep them intact.
 */
final class FeedVocabulary {
    static final int DEPARTMENT_COUNT = 8;

    private static final String[] DEPARTMENTS = {
        "Billing", "Claims", "Customer Service", "Operations", "Compliance", "Réclamations",
        "Vertrieb Süd", "顧客サポート",
    };
    private static final String[][] PROCESSES = {
        {"Refunds", "Invoices", "Disputes"},
        {"New Claim", "Appeals", "Fraud Check"},
        {"Complaints", "Address Change", "Cancellations"},
        {"Back Office", "Scanning", "Data Entry"},
        {"KYC", "AML Review", "Audit \"Q4\""},
        {"Litiges", "Résiliation", "Remboursements"},
        {"Angebote", "Aufträge", "Rückfragen"},
        {"問い合わせ", "返品", "苦情"},
    };
    private static final String[] LEVEL3 = {"Priority", "Standard", "Überprüfung", "Escalated \\ Manual"};
    private static final String[] LEVEL4 = {"Auto", "Manual", "Tab\there"};

    static final String TENANT_ID = "100";
    static final String TENANT_NAME = "Acme";
    static final String[][] SOLUTIONS = {{"S1", "Production"}, {"S2", "Pilot Zürich"}};

    private static final String[] FIRST_NAMES = {
        "Dana", "Alex", "Chris", "Sam", "Jordan", "Zoë", "Łukasz", "Mei", "Søren", "José",
        "Aiko", "Noah", "Fatima", "Olivier", "Grace", "Ivan",
    };
    private static final String[] LAST_NAMES = {
        "Reyes", "Müller", "O'Neil", "Kowalski", "Nguyen", "Smith", "Ørsted", "García",
        "山田", "Dubois", "Schmidt \"Schmitty\"", "Back\\Slash", "Brown", "Rossi",
    };
    private static final String[] CAPTURE_POINT_NAMES = {
        "CRM-Cases", "Email Inbox", "Fax\tGateway", "Portail Réclamations", "Legacy \"Mainframe\"",
        "Back\\Office Scanner", "Web Forms", "Partner API",
    };

    static final String[] CHANNELS = {"crm", "email", "portal", "mobile", "partner"};
    static final String[] SEGMENTS = {"gold", "silver", "bronze", "platinum"};
    static final String[][] PRODUCTS = {
        {"card", "credit"}, {"card", "debit"}, {"loan", "mortgage"}, {"loan", "personal"},
        {"account", "savings"}, {"insurance", "Haftpflicht"},
    };
    static final String[] SKILLS = {"billing_en", "billing_de", "claims_fr", "service_en", "kyc_ja"};
    static final String[] RESULT_CODES = {"resolved", "duplicate", "no_action", "refunded", "escalated"};
    static final String[] REGIONS = {"EMEA", "APAC", "AMER", "Île-de-France"};
    static final String[] CASE_TYPES = {"refund", "complaint", "change", "inquiry"};
    static final String[] NOTES = {
        "Customer said: \"refund now\"\n\tThanks\\",
        "Rückruf erbeten – Straße 5, 2. OG",
        "line one\r\nline two",
        "emoji 😀 and CJK 東京",
        "path C:\\temp\\scan.pdf",
    };

    static final String QUEUE_NEW = "iWD_New";
    static final String QUEUE_CAPTURED = "iWD_Captured";
    static final String QUEUE_ERROR_HELD = "iWD_ErrorHeld";
    static final String QUEUE_COMPLETED = "iWD_Completed";
    static final String QUEUE_CANCELED = "iWD_Canceled";
    static final String QUEUE_REJECTED = "iWD_Rejected";
    static final String[] WAITING_QUEUES = {"iWD_Queued", "iWD_Queued_Priority", "Backoffice Prüfung"};

    /** A category: its id and its levels (1..4; level 1 is the department, level 2 the process). */
    record Category(String id, String[] path) {
    }

    /** An agent; a few are renamed at some instant (the name in later events differs). */
    record Agent(String employeeId, String name, String renamedTo) {
    }

    /** A capture point; like agents, one may be renamed. */
    record CapturePoint(String id, String name, String renamedTo) {
    }

    final Category[] categories;
    private final int[][] categoriesByDepth;
    final Agent[] agents;
    final CapturePoint[] capturePoints;
    final String[] mediaTypes;

    FeedVocabulary(FeedConfig config, SplittableRandom random) {
        categories = categories(config.departments());
        categoriesByDepth = byDepth(categories);
        agents = agents(config.agents(), random);
        capturePoints = capturePoints(config.capturePoints());
        mediaTypes = config.mediaTypes().toArray(String[]::new);
    }

    private static Category[] categories(int departments) {
        List<Category> result = new ArrayList<>();
        for (int d = 0; d < departments; d++) {
            result.add(category(result.size(), DEPARTMENTS[d]));
            for (String process : PROCESSES[d]) {
                result.add(category(result.size(), DEPARTMENTS[d], process));
                for (String level3 : LEVEL3) {
                    result.add(category(result.size(), DEPARTMENTS[d], process, level3));
                    for (String level4 : LEVEL4) {
                        result.add(category(result.size(), DEPARTMENTS[d], process, level3, level4));
                    }
                }
            }
        }
        return result.toArray(Category[]::new);
    }

    private static Category category(int index, String... path) {
        return new Category("C" + (index + 1), path);
    }

    private static Agent[] agents(int count, SplittableRandom random) {
        Agent[] result = new Agent[count];
        for (int i = 0; i < count; i++) {
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            String last = LAST_NAMES[(i / FIRST_NAMES.length + i) % LAST_NAMES.length];
            String renamed = random.nextInt(10) == 0 ? first + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)] + "-Neu" : null;
            result[i] = new Agent("E" + (1000 + i), first + " " + last, renamed);
        }
        return result;
    }

    private static CapturePoint[] capturePoints(int count) {
        CapturePoint[] result = new CapturePoint[count];
        for (int i = 0; i < count; i++) {
            String name = CAPTURE_POINT_NAMES[i % CAPTURE_POINT_NAMES.length];
            String suffixed = i < CAPTURE_POINT_NAMES.length ? name : name + " " + (i + 1);
            result[i] = new CapturePoint("CP" + (i + 1), suffixed, i == 0 ? suffixed + " (renamed)" : null);
        }
        return result;
    }

    /** A random category with 1 to 4 levels, deeper paths being more common than shallow ones. */
    int randomCategory(SplittableRandom random) {
        int[] candidates = categoriesByDepth[pickDepth(random.nextInt(100)) - 1];
        return candidates[random.nextInt(candidates.length)];
    }

    private static int[][] byDepth(Category[] categories) {
        int[][] result = new int[4][];
        for (int depth = 1; depth <= 4; depth++) {
            final int wanted = depth;
            result[depth - 1] = IntStream.range(0, categories.length)
                    .filter(i -> categories[i].path().length == wanted).toArray();
        }
        return result;
    }

    private static int pickDepth(int percent) {
        if (percent < 8) {
            return 1;
        }
        if (percent < 45) {
            return 2;
        }
        return percent < 80 ? 3 : 4;
    }
}
