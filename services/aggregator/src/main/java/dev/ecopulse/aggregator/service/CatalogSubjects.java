package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.scoring.FrameworkInputs;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.contract.catalog.Project;
import dev.ecopulse.contract.event.ObservationSource;

/**
 * Whether an observation's or series' key and subject are the catalog's: a project and one of its repositories or
 * packages, or, for a framework-level source, a framework and the tags or search the catalog gives it.
 */
final class CatalogSubjects {

    private CatalogSubjects() {
    }

    /** Throws {@link InvalidObservationException} naming what is not the catalog's. */
    static void check(Catalog catalog, ObservationSource source, String key, String subject) {
        if (source.frameworkLevel()) {
            Framework framework = catalog.framework(key).orElseThrow(() ->
                    new InvalidObservationException("framework '" + key + "' is not in the catalog"));
            String expected = FrameworkInputs.subject(framework, source).orElseThrow(() ->
                    new InvalidObservationException("framework '" + key + "' has no " + source.id()
                            + " subject in the catalog"));
            if (!expected.equals(subject)) {
                throw new InvalidObservationException(source.id() + " subject '" + subject + "' is not framework '"
                        + key + "''s in the catalog ('" + expected + "')");
            }
            return;
        }
        Project project = catalog.project(key).orElseThrow(() ->
                new InvalidObservationException("project '" + key + "' is not in the catalog"));
        if (!belongsTo(project, source, subject)) {
            throw new InvalidObservationException(source.id() + " subject '" + subject
                    + "' is not one of project '" + project.id() + "' in the catalog");
        }
    }

    static boolean belongsTo(Project project, ObservationSource source, String subject) {
        return switch (source) {
            case GITHUB -> project.githubRepository().map(repo -> repo.equalsIgnoreCase(subject)).orElse(false);
            case PYPI -> project.pypi().stream()
                    .anyMatch(name -> PackageNames.normalise(name).equals(PackageNames.normalise(subject)));
            case MAVEN -> project.maven().contains(subject);
            case NPM -> project.npm().contains(subject);
            // framework-level observations are not about a project
            case HUGGINGFACE, STACKEXCHANGE, RESEARCH -> false;
        };
    }
}
