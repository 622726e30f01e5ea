"""The Model class API pages: seed 000 ("Model 类" and the Model methods of
"Keras 函数式 API"), seed 002 (the same page scraped from a blog, eleven
times over), seed 004 ("Model类API") and seed 001 #17 (Keras 1 spelling
`Model(input=..., output=...)`).

Changes to the examples: `keras` imports become `keras22` ones (`import
keras` becomes `import keras22 as keras`); data have a few samples and
`epochs` is small; `model.compile(...)`/`model.fit(...)` placeholders are
given arguments; names the pages leave undefined are defined just above the
example."""
import numpy as np
import pytest

from _seedutil import needs


VGG16_SUMMARY = """
_________________________________________________________________
Layer (type)                 Output Shape              Param #   
=================================================================
input_1 (InputLayer)         (None, None, None, 3)     0         
_________________________________________________________________
block1_conv1 (Conv2D)        (None, None, None, 64)    1792      
_________________________________________________________________
block1_conv2 (Conv2D)        (None, None, None, 64)    36928     
_________________________________________________________________
block1_pool (MaxPooling2D)   (None, None, None, 64)    0         
_________________________________________________________________
block2_conv1 (Conv2D)        (None, None, None, 128)   73856     
_________________________________________________________________
block2_conv2 (Conv2D)        (None, None, None, 128)   147584    
_________________________________________________________________
block2_pool (MaxPooling2D)   (None, None, None, 128)   0         
_________________________________________________________________
block3_conv1 (Conv2D)        (None, None, None, 256)   295168    
_________________________________________________________________
block3_conv2 (Conv2D)        (None, None, None, 256)   590080    
_________________________________________________________________
block3_conv3 (Conv2D)        (None, None, None, 256)   590080    
_________________________________________________________________
block3_pool (MaxPooling2D)   (None, None, None, 256)   0         
_________________________________________________________________
block4_conv1 (Conv2D)        (None, None, None, 512)   1180160   
_________________________________________________________________
block4_conv2 (Conv2D)        (None, None, None, 512)   2359808   
_________________________________________________________________
block4_conv3 (Conv2D)        (None, None, None, 512)   2359808   
_________________________________________________________________
block4_pool (MaxPooling2D)   (None, None, None, 512)   0         
_________________________________________________________________
block5_conv1 (Conv2D)        (None, None, None, 512)   2359808   
_________________________________________________________________
block5_conv2 (Conv2D)        (None, None, None, 512)   2359808   
_________________________________________________________________
block5_conv3 (Conv2D)        (None, None, None, 512)   2359808   
_________________________________________________________________
block5_pool (MaxPooling2D)   (None, None, None, 512)   0         
=================================================================
Total params: 14,714,688
Trainable params: 14,714,688
Non-trainable params: 0
_________________________________________________________________
None
"""


@pytest.fixture
def local_vgg16_notop_weights(tmp_path, monkeypatch):
    """VGG16's no-top ImageNet weights file, in the real format and under
    its real name in `$KERAS_HOME/models`, holding random weights.

    There is no network here; `get_file` is asked for the file without its
    hash (which random weights cannot have) and downloads raise."""
    from urllib.error import URLError
    from keras22.applications.vgg16 import VGG16
    from keras22.utils import data_utils

    monkeypatch.setenv('KERAS_HOME', str(tmp_path))
    models = tmp_path / 'models'
    models.mkdir()
    source = VGG16(weights=None, include_top=False)
    path = models / 'vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5'
    source.save_weights(str(path))
    weights = source.get_weights()
    from keras22 import backend as K
    K.clear_session()  # the example's input must be `input_1` again

    def no_network(url, filename, reporthook=None, data=None):
        raise URLError('network disabled in tests')
    monkeypatch.setattr(data_utils, 'urlretrieve', no_network)
    real_get_file = data_utils.get_file
    requested = []

    def get_file_without_hash(fname, origin, **kwargs):
        requested.append((fname, kwargs.get('cache_subdir')))
        kwargs.pop('file_hash', None)
        kwargs.pop('md5_hash', None)
        return real_get_file(fname, origin, **kwargs)
    monkeypatch.setattr(data_utils, 'get_file', get_file_without_hash)
    return weights, requested


@needs('applications')
def test_vgg16_attributes_and_summary(local_vgg16_notop_weights, capsys):
    weights, requested = local_vgg16_notop_weights

    from keras22.applications.vgg16 import VGG16
    base_model = VGG16(weights='imagenet', include_top=False)

    print(len(base_model.layers))
    print()
    print(base_model.inputs) # 模型输入张量的列表，可能由多个输入
    print(base_model.input)
    print()
    print(base_model.outputs) # 模型输入张量的列表，可能由多个输入
    print(base_model.output)
    print()
    print(base_model.input_shape)
    print(base_model.output_shape)
    print()
    print(base_model.summary())

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == '19'
    assert requested == [('vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5',
                          'models')]
    for a, b in zip(base_model.get_weights(), weights):
        np.testing.assert_array_equal(a, b)
    assert '(None, None, None, 3)\n(None, None, None, 512)\n' in out
    summary_start = out.index('_' * 65)
    assert [l.rstrip() for l in out[summary_start:].splitlines()] == \
        [l.rstrip() for l in VGG16_SUMMARY.strip('\n').splitlines()]
    # Tensor reprs differ from TensorFlow 1's ('?' for unknown sizes), but
    # the tensors are those the page shows.
    assert isinstance(base_model.inputs, list) and len(base_model.inputs) == 1
    assert base_model.inputs[0] is base_model.input
    assert base_model.outputs[0] is base_model.output


@needs('applications')
def test_vgg16_tensor_names(local_vgg16_notop_weights):
    # The page prints `input_1:0` and `block5_pool/MaxPool:0`.
    from keras22.applications.vgg16 import VGG16
    base_model = VGG16(weights='imagenet', include_top=False)

    assert base_model.input.name == 'input_1:0'
    assert base_model.output.name == 'block5_pool/MaxPool:0'


def _functional_model():
    from keras22.layers import Input, Dense
    from keras22.models import Model
    a = Input(shape=(8,))
    b = Dense(4, activation='relu')(a)
    c = Dense(2, activation='softmax')(b)
    return Model(a, c)


def _sequential_model():
    from keras22.models import Sequential
    from keras22.layers import Dense
    return Sequential([Dense(4, activation='relu', input_shape=(8,)),
                       Dense(2, activation='softmax')])


def test_get_config_and_from_config():
    from keras22.models import Model, Sequential
    x = np.random.random((3, 8))

    model = _functional_model()
    original = model
    config = model.get_config()
    # 对于Model类模型
    model = Model.from_config(config)

    assert model.get_config() == config
    assert model is not original
    assert [type(l).__name__ for l in model.layers] == [
        'InputLayer', 'Dense', 'Dense']
    assert model.predict(x).shape == (3, 2)

    model = _sequential_model()
    config = model.get_config()
    # 或者，对于 Sequential:
    model = Sequential.from_config(config)

    assert model.get_config() == config
    assert model.predict(x).shape == (3, 2)


def test_get_and_set_weights():
    model = _functional_model()
    x = np.random.random((3, 8))
    weights = model.get_weights()
    assert [w.shape for w in weights] == [(8, 4), (4,), (4, 2), (2,)]
    other = _functional_model()
    other.set_weights(weights)
    np.testing.assert_allclose(other.predict(x), model.predict(x), rtol=1e-6)


@pytest.mark.parametrize('make', [_functional_model, _sequential_model])
def test_to_json_and_model_from_json(make):
    model = make()
    config = model.get_config()

    from keras22.models import model_from_json

    json_string = model.to_json()
    model = model_from_json(json_string)

    assert model.get_config() == config


@pytest.mark.parametrize('make', [_functional_model, _sequential_model])
def test_to_yaml_and_model_from_yaml(make):
    model = make()
    config = model.get_config()

    from keras22.models import model_from_yaml

    yaml_string = model.to_yaml()
    model = model_from_yaml(yaml_string)

    assert model.get_config() == config


def test_save_weights_and_load_weights_by_name(tmp_path):
    from keras22.layers import Input, Dense
    from keras22.models import Model
    filepath = str(tmp_path / 'weights.h5')
    model = _functional_model()
    model.save_weights(filepath)
    same = _functional_model()
    same.load_weights(filepath, by_name=False)
    for a, b in zip(same.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    # by_name: only the layer called like one in the file is loaded.
    a = Input(shape=(8,))
    b = Dense(4, activation='relu', name=model.layers[1].name)(a)
    c = Dense(3, name='other')(b)
    partial = Model(a, c)
    fresh = partial.layers[2].get_weights()
    partial.load_weights(filepath, by_name=True)
    np.testing.assert_array_equal(partial.layers[1].get_weights()[0],
                                  model.layers[1].get_weights()[0])
    np.testing.assert_array_equal(partial.layers[2].get_weights()[0],
                                  fresh[0])


@pytest.mark.parametrize('use_bn,use_dp', [(False, False), (True, True)])
def test_model_subclassing(use_bn, use_dp):
    x = np.random.random((32, 16))
    y = np.eye(10)[np.random.randint(10, size=32)]

    import keras22 as keras

    class SimpleMLP(keras.Model):

        def __init__(self, use_bn=False, use_dp=False, num_classes=10):
            super(SimpleMLP, self).__init__(name='mlp')
            self.use_bn = use_bn
            self.use_dp = use_dp
            self.num_classes = num_classes

            self.dense1 = keras.layers.Dense(32, activation='relu')
            self.dense2 = keras.layers.Dense(num_classes, activation='softmax')
            if self.use_dp:
                self.dp = keras.layers.Dropout(0.5)
            if self.use_bn:
                self.bn = keras.layers.BatchNormalization(axis=-1)

        def call(self, inputs):
            x = self.dense1(inputs)
            if self.use_dp:
                x = self.dp(x)
            if self.use_bn:
                x = self.bn(x)
            return self.dense2(x)

    model = SimpleMLP(use_bn=use_bn, use_dp=use_dp)
    # The page writes `model.compile(...)` and `model.fit(...)`:
    model.compile(optimizer='rmsprop', loss='categorical_crossentropy',
                  metrics=['accuracy'])
    history = model.fit(x, y, epochs=1, batch_size=16)

    assert model.name == 'mlp'
    assert sorted(history.history) == ['acc', 'loss']
    assert model.predict(x).shape == (32, 10)
    expected = 4 + (4 if use_bn else 0)  # BN: gamma, beta, mean, variance
    assert len(model.weights) == expected
    # The page: get_config (so to_json/to_yaml) is not available for
    # subclassed models; Keras 2.2.4 raised NotImplementedError.
    with pytest.raises(NotImplementedError):
        model.get_config()


def test_model_from_tensors():
    from keras22.models import Model
    from keras22.layers import Input, Dense

    a = Input(shape=(32,))
    b = Dense(32)(a)
    model = Model(inputs=a, outputs=b)

    assert model.inputs == [a] and model.outputs == [b]
    assert [type(l).__name__ for l in model.layers] == ['InputLayer', 'Dense']


def test_model_from_tensors_keras1_arguments():
    # seed 001 #17
    from keras22.models import Model
    from keras22.layers import Input, Dense

    a = Input(shape=(32,))
    b = Dense(32)(a)
    with pytest.warns(UserWarning, match='Keras 2 API'):
        model = Model(input=a, output=b)

    assert model.inputs == [a] and model.outputs == [b]


def _inputs_and_outputs():
    from keras22.layers import Input, Dense
    import keras22 as keras
    a1 = Input(shape=(3,))
    a2 = Input(shape=(4,))
    merged = keras.layers.concatenate([a1, a2])
    b1 = Dense(2)(merged)
    b3 = Dense(5)(merged)
    return a1, a2, b1, b3


def test_model_with_lists_of_inputs_and_outputs():
    from keras22.models import Model
    a1, a2, b1, b3 = _inputs_and_outputs()

    model = Model(inputs=[a1, a2], outputs=[b1, b3, b3])

    assert len(model.inputs) == 2 and len(model.outputs) == 3
    outs = model.predict([np.ones((2, 3)), np.ones((2, 4))])
    assert [o.shape for o in outs] == [(2, 2), (2, 5), (2, 5)]
    np.testing.assert_array_equal(outs[1], outs[2])

    # seed 001 #17, Keras 1 spelling
    model = Model(input=[a1, a2], output=[b1, b3, b3])

    assert len(model.outputs) == 3


def test_fit_history_plot(fake_pyplot):
    from keras22.models import Sequential
    from keras22.layers import Dense
    model = Sequential([Dense(8, activation='relu', input_dim=2),
                        Dense(3, activation='softmax')])
    model.compile(optimizer='adam', loss='categorical_crossentropy',
                  metrics=['accuracy'])
    trainX = np.random.random((32, 2))
    trainy = np.eye(3)[np.random.randint(3, size=32)]
    testX = np.random.random((16, 2))
    testy = np.eye(3)[np.random.randint(3, size=16)]
    from matplotlib import pyplot

    # fit model
    history = model.fit(trainX, trainy, validation_data=(testX, testy), epochs=3, verbose=0)

    # plot training history
    # 如果定义了评价指标metrics,也可以通过 “acc”, "val_acc" 访问历史记录
    pyplot.plot(history.history['loss'], label='train')
    pyplot.plot(history.history['val_loss'], label='test')
    pyplot.legend()
    pyplot.show()

    assert sorted(history.history) == ['acc', 'loss', 'val_acc', 'val_loss']
    plotted = [c[1][0] for c in fake_pyplot.calls if c[0] == 'plot']
    assert [len(p) for p in plotted] == [3, 3]

    # evaluate the model
    _, train_acc = model.evaluate(trainX, trainy, verbose=0)
    _, test_acc = model.evaluate(testX, testy, verbose=0)
    print('Train: %.3f, Test: %.3f' % (train_acc, test_acc))

    assert 0.0 <= train_acc <= 1.0 and 0.0 <= test_acc <= 1.0
    np.testing.assert_allclose(test_acc, history.history['val_acc'][-1],
                               rtol=1e-5)
