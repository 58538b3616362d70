package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.llm.Provider;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the language models cost, in US dollars per million input and per million output tokens, per provider and
 * model: the table the model cost metric is computed from. Written as comma-separated
 * {@code provider/model=input:output} entries ({@code openai/gpt-4.1=2.00:8.00}); a model name may hold {@code /}
 * and {@code :} itself, so an entry is split at its last {@code =} and at the first {@code /}. A model without an
 * entry is not costed (its tokens are still counted), so the metric's labels are the table's entries and nothing a
 * person typed.
 *
 * @param byModel the price of each {@code provider/model}
 */
public record ModelPrices(Map<String, Price> byModel) {
    /** No prices: nothing is costed. */
    public static final ModelPrices NONE = new ModelPrices(Map.of());

    public ModelPrices {
        byModel = Map.copyOf(requireNonNull(byModel, "byModel"));
    }

    /**
     * US dollars per million tokens sent to the model ({@code input}) and received from it ({@code output}).
     *
     * @param input  USD per million input tokens
     * @param output USD per million output tokens
     */
    public record Price(double input, double output) {
        public Price {
            if (!Double.isFinite(input) || !Double.isFinite(output) || input < 0 || output < 0) {
                throw new IllegalArgumentException("prices must be finite and not negative: " + input + ", " + output);
            }
        }

        /** What one call with {@code inputTokens} in and {@code outputTokens} out cost, in US dollars. */
        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * input + outputTokens * output) / 1_000_000d;
        }
    }

    /** The price of {@code model} at {@code provider} (its lower-case id), if the table has one. */
    public Optional<Price> price(String provider, String model) {
        return Optional.ofNullable(byModel.get(provider + "/" + model));
    }

    /**
     * Reads {@code text} in the format above; blank is no prices. Every mistake is a {@link ConfigException} that
     * names {@code setting} and the entry.
     */
    public static ModelPrices parse(String text, String setting) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            int slash = entry.indexOf('/');
            String[] amounts = eq < 0 ? new String[0] : entry.substring(eq + 1).split(":", -1);
            if (slash < 1 || eq < slash + 2 || amounts.length != 2) {
                throw new ConfigException(setting + ": '" + entry + "' is not provider/model=input:output (US dollars "
                        + "per million tokens), e.g. openai/gpt-4.1=2.00:8.00");
            }
            String provider = provider(entry.substring(0, slash), entry, setting);
            String model = entry.substring(slash + 1, eq).strip();
            if (!Spec.MODEL.matcher(model).matches()) {
                throw new ConfigException(setting + ": '" + entry + "' names '" + model
                        + "', which is not a model name");
            }
            Price price;
            try {
                price = new Price(amount(amounts[0]), amount(amounts[1]));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(setting + ": '" + entry + "' needs two prices in US dollars per million "
                        + "tokens, input:output, each a number of at least 0, e.g. 2.00:8.00");
            }
            if (prices.put(provider + "/" + model, price) != null) {
                throw new ConfigException(setting + " names " + provider + "/" + model + " twice");
            }
        }
        return new ModelPrices(prices);
    }

    private static String provider(String name, String entry, String setting) {
        Provider provider;
        try {
            provider = Provider.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting + ": '" + entry + "': " + e.getMessage());
        }
        if (provider == Provider.OFFLINE) {
            throw new ConfigException(setting + ": '" + entry
                    + "': the offline engines call no model and cost nothing");
        }
        return provider.id();
    }

    /** A plain decimal number ({@code BigDecimal} refuses NaN, infinities and hexadecimal, which doubles take). */
    private static double amount(String text) {
        return new BigDecimal(text.strip()).doubleValue();
    }
}
