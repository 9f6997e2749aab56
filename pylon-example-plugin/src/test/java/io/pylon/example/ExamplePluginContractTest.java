package io.pylon.example;

import io.pylon.contract.ComponentContracts;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Component;
import io.pylon.registry.Components;

/** The plugin's own components (all of them, whatever it registers) keep the contracts every built-in keeps (found through the service file). */
class ExamplePluginContractTest extends ComponentContracts {

    @Override
    protected Components components() {
        return StandardComponents.withPlugins();
    }

    @Override
    protected boolean covers(Component<?, ?, ?> component) {
        // this jar's components: those whose params records it defines
        return component.paramsType().getPackageName().equals(ExamplePlugin.class.getPackageName());
    }
}
