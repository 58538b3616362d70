package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The price table the model cost metric uses: its format, what a call costs, and the errors an operator sees. */
class ModelPricesTest {
    private static ModelPrices parse(String text) {
        return ModelPrices.parse(text, "WIZARD_LLM_PRICES");
    }

    @Test
    void aCallCostsItsInputAndOutputTokensAtTheirPricesPerMillion() {
        ModelPrices.Price price = parse("openai/gpt-4.1=2.00:8.00").price("openai", "gpt-4.1").orElseThrow();

        assertEquals(2.00, price.cost(1_000_000, 0), 1e-12);
        assertEquals(8.00, price.cost(0, 1_000_000), 1e-12);
        // A typical file of a job: 6,000 tokens of spec and plan in (0.012 USD), 2,500 tokens of code out (0.020).
        assertEquals(0.032, price.cost(6_000, 2_500), 1e-12);
        assertEquals(0, price.cost(0, 0));
    }

    @Test
    void modelNamesMayHoldSlashesAndColonsAndTheProviderIsReadWhateverItsCase() {
        ModelPrices prices = parse(" OLLAMA/llama3.1:8b = 0:0 , openai/org/model-name=0.5:1.5,,");

        assertEquals(Optional.of(new ModelPrices.Price(0, 0)), prices.price("ollama", "llama3.1:8b"));
        assertEquals(Optional.of(new ModelPrices.Price(0.5, 1.5)), prices.price("openai", "org/model-name"));
        assertEquals(Optional.empty(), prices.price("openai", "llama3.1:8b"), "a price is per provider and model");
        assertEquals(ModelPrices.NONE, parse("  "));
    }

    @Test
    void everyMistakeNamesTheVariableAndTheEntry() {
        Map<String, String> cases = Map.of(
                "openai/gpt-4.1=2.00", "'openai/gpt-4.1=2.00' is not provider/model=input:output",
                "gpt-4.1=2:8", "'gpt-4.1=2:8' is not provider/model=input:output",
                "openai/gpt-4.1=two:8", "needs two prices in US dollars per million tokens",
                "openai/gpt-4.1=-1:8", "needs two prices",
                "openai/gpt-4.1=NaN:8", "needs two prices",
                "gemini/pro=1:2", "unknown model provider 'gemini'",
                "offline/none=0:0", "the offline engines call no model",
                "openai/gpt 4=1:2", "which is not a model name",
                "openai/gpt-4.1=2:8,openai/gpt-4.1=3:9", "names openai/gpt-4.1 twice");
        cases.forEach((text, expected) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(text), text);
            assertTrue(e.getMessage().startsWith("WIZARD_LLM_PRICES"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), text + " -> " + e.getMessage());
        });
    }

    @Test
    void theShippedDefaultsPriceTheDocumentedModelsAndTheVariableReplacesThem() {
        ModelPrices defaults = SettingsLoader.load(Map.of()).engine().prices();
        assertEquals(Optional.of(new ModelPrices.Price(2.00, 8.00)), defaults.price("openai", "gpt-4.1"));
        assertEquals(Optional.of(new ModelPrices.Price(3.00, 15.00)), defaults.price("anthropic", "claude-sonnet-4-5"));

        ModelPrices own = SettingsLoader.load(Map.of("WIZARD_LLM_PRICES", "openai/my-model=1:2")).engine().prices();
        assertEquals(Map.of("openai/my-model", new ModelPrices.Price(1, 2)), own.byModel());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> SettingsLoader.load(Map.of("WIZARD_LLM_PRICES", "openai/my-model=1")));
        assertTrue(bad.getMessage().startsWith("WIZARD_LLM_PRICES: "), bad.getMessage());
    }

    @Test
    void configurationMdListsExactlyTheShippedDefaultPrices() throws Exception {
        Path docs = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(docs.resolve("docs/configuration.md"))) {
            docs = docs.getParent();
        }
        String text = Files.readString(docs.resolve("docs/configuration.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)/([^`]+)` \\| ([0-9.]+) \\| ([0-9.]+) \\|").matcher(text);
        Map<String, ModelPrices.Price> documented = new java.util.HashMap<>();
        while (row.find()) {
            documented.put(row.group(1) + "/" + row.group(2), new ModelPrices.Price(Double.parseDouble(row.group(3)),
                    Double.parseDouble(row.group(4))));
        }
        assertEquals(SettingsLoader.load(Map.of()).engine().prices().byModel(), documented);
    }
}
