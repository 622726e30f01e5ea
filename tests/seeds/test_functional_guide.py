"""The functional API guide: seed 000 ("Keras 函数式 API"), seed 001 (#4
"快速开始函数式（Functional）模型") and seed 004 ("Keras之函数式模型").
The three pages give the same examples with small differences (tweets of
280 or 140 characters, Chinese or English comments); a test per example
covers each variant (see inventory.md).

Changes to the examples: `keras` imports become `keras22` ones (`import
keras` becomes `import keras22 as keras`, also defined where a page uses
`keras.layers` without importing it); training data have a few samples and
`epochs=1`; names a fragment leaves undefined are defined just above it."""
import numpy as np
import pytest

from _seedutil import needs


def _dense_model():
    from keras22.layers import Input, Dense
    from keras22.models import Model

    # 这部分返回一个张量
    inputs = Input(shape=(784,))

    # 层的实例是可调用的，它以张量为参数，并且返回一个张量
    x = Dense(64, activation='relu')(inputs)
    x = Dense(64, activation='relu')(x)
    predictions = Dense(10, activation='softmax')(x)

    # 这部分创建了一个包含输入层和三个全连接层的模型
    model = Model(inputs=inputs, outputs=predictions)
    return model


def test_fully_connected_network():
    from keras22.layers import Input, Dense
    from keras22.models import Model

    data = np.random.random((32, 784))
    labels = np.eye(10)[np.random.randint(10, size=32)]

    # 这部分返回一个张量
    inputs = Input(shape=(784,))

    # 层的实例是可调用的，它以张量为参数，并且返回一个张量
    x = Dense(64, activation='relu')(inputs)
    x = Dense(64, activation='relu')(x)
    predictions = Dense(10, activation='softmax')(x)

    # 这部分创建了一个包含输入层和三个全连接层的模型
    model = Model(inputs=inputs, outputs=predictions)

    model.compile(optimizer='rmsprop',
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])
    history = model.fit(data, labels)  # 开始训练

    assert [type(l).__name__ for l in model.layers] == [
        'InputLayer', 'Dense', 'Dense', 'Dense']
    assert sorted(history.history) == ['acc', 'loss']
    assert history.epoch == [0]


def test_all_models_are_callable():
    model = _dense_model()
    from keras22.layers import Input

    x = Input(shape=(784,))
    # 这是可行的，并且返回上面定义的 10-way softmax。
    y = model(x) # 重用之前定义好的model,可看做一层

    from keras22 import backend as K
    assert K.int_shape(y) == (None, 10)
    # The weights are reused: the same outputs from the new tensor.
    from keras22.models import Model
    data = np.random.random((4, 784))
    np.testing.assert_allclose(Model(x, y).predict(data),
                               model.predict(data), rtol=1e-5)
    assert model.get_output_at(1) == y


@needs('wrappers')
def test_time_distributed_model():
    model = _dense_model()
    from keras22.layers import Input

    from keras22.layers import TimeDistributed

    # 输入张量是 20 个时间步的序列，
    # 每一个时间为一个 784 维的向量
    input_sequences = Input(shape=(20, 784))

    # 这部分将我们之前定义的模型应用于 输入序列中的 每个时间步。
    # 之前定义的模型的输出是一个 10-way softmax，
    # 因而下面的层的输出将是维度为 10 的 20 个向量的序列。
    # 即 产生时序输出
    processed_sequences = TimeDistributed(model)(input_sequences)

    from keras22 import backend as K
    from keras22.models import Model
    assert K.int_shape(processed_sequences) == (None, 20, 10)
    seq = np.random.random((2, 20, 784))
    out = Model(input_sequences, processed_sequences).predict(seq)
    np.testing.assert_allclose(out[:, 3], model.predict(seq[:, 3]),
                               rtol=1e-5, atol=1e-6)


def _multi_io_data(n=32):
    headline_data = np.random.randint(1, 10000, size=(n, 100))
    additional_data = np.random.random((n, 5))
    labels = np.random.randint(2, size=(n, 1))
    return headline_data, additional_data, labels


@needs('rnn')
def test_multi_input_multi_output_model():
    import keras22 as keras
    headline_data, additional_data, labels = _multi_io_data()

    from keras22.layers import Input, Embedding, LSTM, Dense
    from keras22.models import Model

    # 标题输入：接收一个含有 100 个整数的序列，每个整数在 1 到 10000 之间。
    # 注意我们可以通过传递一个 "name" 参数来命名任何层。
    main_input = Input(shape=(100,), dtype='int32', name='main_input')

    # Embedding 层将输入序列编码为一个稠密向量的序列，
    # input_dim 是词汇表的大小，输入中的整数值范围为[0,1000)
    # input_length: 输入序列长度
    # output_dim: 要编码成的向量的维度
    # input: (batch_size, input_length)
    x = Embedding(output_dim=512, input_dim=10000, input_length=100)(main_input)
    # output: (batch_size, input_length, output_dim)

    # LSTM 层把向量序列转换成单个向量，
    # 它包含整个序列的上下文信息
    lstm_out = LSTM(32)(x)

    # 在这里，我们插入辅助损失，使得即使在模型主损失很高的情况下，LSTM 层和 Embedding 层都能被平稳地训练。
    auxiliary_output = Dense(1, activation='sigmoid', name='aux_output')(lstm_out)

    # 此时，我们将辅助输入数据与 LSTM 层的输出拼接起来，输入到模型中：
    auxiliary_input = Input(shape=(5,), name='aux_input')
    x = keras.layers.concatenate([lstm_out, auxiliary_input])

    # 堆叠多个全连接网络层
    x = Dense(64, activation='relu')(x)
    x = Dense(64, activation='relu')(x)
    x = Dense(64, activation='relu')(x)

    # 最后添加主要的逻辑回归层
    main_output = Dense(1, activation='sigmoid', name='main_output')(x)

    #最后定义一个具有两个输入和两个输出的模型：
    model = Model(inputs=[main_input, auxiliary_input], outputs=[main_output, auxiliary_output])

    # 编译模型，并给辅助损失分配一个 0.2 的权重
    # 如果要为不同的输出指定不同的 `loss_weights` 或 `loss`，可以使用列表或字典。
    # 在这里，我们给 `loss` 参数传递单个损失函数，这个损失将用于所有的输出。
    # 模型将最小化的误差值是由 `loss_weights` 系数加权的*加权总和*误差。
    model.compile(optimizer='rmsprop', loss='binary_crossentropy',
                  loss_weights=[1., 0.2])

    # 我们可以通过传递输入数组和目标数组的列表来训练模型：
    history = model.fit([headline_data, additional_data], [labels, labels],
              epochs=1, batch_size=32)

    assert model.output_names == ['main_output', 'aux_output']
    assert model.metrics_names == ['loss', 'main_output_loss',
                                   'aux_output_loss']
    assert sorted(history.history) == ['aux_output_loss', 'loss',
                                       'main_output_loss']
    total, main, aux = model.evaluate([headline_data, additional_data],
                                      [labels, labels], verbose=0)
    np.testing.assert_allclose(total, main + 0.2 * aux, rtol=1e-5)

    # 由于输入和输出均被命名了（在定义时传递了一个 `name` 参数），我们也可以通过以下方式编译模型：
    model.compile(optimizer='rmsprop',
                  loss={'main_output': 'binary_crossentropy', 'aux_output': 'binary_crossentropy'},
                  loss_weights={'main_output': 1., 'aux_output': 0.2})

    # 然后使用以下方式训练：
    history = model.fit({'main_input': headline_data, 'aux_input': additional_data},
              {'main_output': labels, 'aux_output': labels},
              epochs=1, batch_size=32)

    assert sorted(history.history) == ['aux_output_loss', 'loss',
                                       'main_output_loss']
    outputs = model.predict({'main_input': headline_data,
                             'aux_input': additional_data})
    assert [o.shape for o in outputs] == [(32, 1), (32, 1)]


@needs('rnn')
@pytest.mark.parametrize('length', [280, 140])  # seed 000/004: 280; 001: 140
def test_shared_lstm(length):
    data_a = np.random.random((4, length, 256))
    data_b = np.random.random((4, length, 256))
    labels = np.random.randint(2, size=(4, 1))

    import keras22 as keras
    from keras22.layers import Input, LSTM, Dense
    from keras22.models import Model

    tweet_a = Input(shape=(length, 256))
    tweet_b = Input(shape=(length, 256))

    # 这一层可以输入一个矩阵，并返回一个 64 维的向量
    shared_lstm = LSTM(64)

    # 当我们重用相同的图层实例多次，图层的权重也会被重用 (它其实就是同一层)
    encoded_a = shared_lstm(tweet_a)
    encoded_b = shared_lstm(tweet_b)

    # 然后再连接两个向量：
    merged_vector = keras.layers.concatenate([encoded_a, encoded_b], axis=-1)

    # 再在上面添加一个逻辑回归层
    predictions = Dense(1, activation='sigmoid')(merged_vector)

    # 定义一个连接推特输入和预测的可训练的模型
    model = Model(inputs=[tweet_a, tweet_b], outputs=predictions)

    model.compile(optimizer='rmsprop',
                  loss='binary_crossentropy',
                  metrics=['accuracy'])
    history = model.fit([data_a, data_b], labels, epochs=1)

    assert keras.backend.int_shape(merged_vector) == (None, 128)
    # One LSTM: its three weights appear once.
    assert len(model.layers) == 5
    assert len(model.trainable_weights) == 3 + 2
    assert sorted(history.history) == ['acc', 'loss']


@needs('rnn')
@pytest.mark.parametrize('length', [280, 140])
def test_layer_node_single_input(length):
    from keras22.layers import Input, LSTM

    a = Input(shape=(length, 256))

    lstm = LSTM(32)
    encoded_a = lstm(a)

    assert lstm.output == encoded_a


@needs('rnn')
@pytest.mark.parametrize('length', [280, 140])
def test_layer_node_multiple_inputs(length):
    from keras22.layers import Input, LSTM

    a = Input(shape=(length, 256))
    b = Input(shape=(length, 256))

    lstm = LSTM(32)
    encoded_a = lstm(a)
    encoded_b = lstm(b)

    # The pages print:
    #   >> AttributeError: Layer lstm_1 has multiple inbound nodes,
    #   hence the notion of "layer output" is ill-defined.
    #   Use `get_output_at(node_index)` instead.
    # (seed 001 says AssertionError; Keras 2.2.4 raised AttributeError.)
    with pytest.raises(AttributeError) as error:
        lstm.output
    message = str(error.value)
    assert 'Layer lstm_1 has multiple inbound nodes' in message
    assert 'get_output_at(node_index)' in message

    assert lstm.get_output_at(0) == encoded_a
    assert lstm.get_output_at(1) == encoded_b


@needs('conv')
def test_layer_node_input_shapes():
    from keras22.layers import Input, Conv2D

    a = Input(shape=(32, 32, 3))
    b = Input(shape=(64, 64, 3))

    conv = Conv2D(16, (3, 3), padding='same')
    conved_a = conv(a)

    # 到目前为止只有一个输入，以下可行：
    assert conv.input_shape == (None, 32, 32, 3)

    conved_b = conv(b)
    # 现在 `.input_shape` 属性不可行，但是这样可以：
    assert conv.get_input_shape_at(0) == (None, 32, 32, 3)
    assert conv.get_input_shape_at(1) == (None, 64, 64, 3)

    with pytest.raises(AttributeError):
        conv.input_shape
    assert conv.get_output_shape_at(1) == (None, 64, 64, 16)


@needs('conv', 'pool')
def test_inception_module():
    import keras22 as keras
    from keras22.layers import Conv2D, MaxPooling2D, Input

    input_img = Input(shape=(256, 256, 3))

    tower_1 = Conv2D(64, (1, 1), padding='same', activation='relu')(input_img)
    tower_1 = Conv2D(64, (3, 3), padding='same', activation='relu')(tower_1)

    tower_2 = Conv2D(64, (1, 1), padding='same', activation='relu')(input_img)
    tower_2 = Conv2D(64, (5, 5), padding='same', activation='relu')(tower_2)

    tower_3 = MaxPooling2D((3, 3), strides=(1, 1), padding='same')(input_img)
    tower_3 = Conv2D(64, (1, 1), padding='same', activation='relu')(tower_3)

    output = keras.layers.concatenate([tower_1, tower_2, tower_3], axis=1)

    # The pages concatenate along axis 1 (rows), as Keras 2.2 did.
    assert keras.backend.int_shape(tower_3) == (None, 256, 256, 64)
    assert keras.backend.int_shape(output) == (None, 768, 256, 64)


@needs('conv')
def test_residual_connection():
    import keras22 as keras
    from keras22.layers import Conv2D, Input

    # 输入张量为 3 通道 256x256 图像
    x = Input(shape=(256, 256, 3))
    # 3 输出通道（与输入通道相同）的 3x3 卷积核
    y = Conv2D(3, (3, 3), padding='same')(x)
    # 返回 x + y
    z = keras.layers.add([x, y])

    assert keras.backend.int_shape(z) == (None, 256, 256, 3)
    model = keras.models.Model(x, [y, z])
    image = np.random.random((1, 256, 256, 3))
    conv_out, sum_out = model.predict(image)
    np.testing.assert_allclose(sum_out, image + conv_out, rtol=1e-5,
                               atol=1e-5)


@needs('conv', 'pool')
def test_shared_vision_model():
    import keras22 as keras
    from keras22.layers import Conv2D, MaxPooling2D, Input, Dense, Flatten
    from keras22.models import Model

    # 首先，定义视觉模型
    digit_input = Input(shape=(27, 27, 1))
    x = Conv2D(64, (3, 3))(digit_input)
    x = Conv2D(64, (3, 3))(x)
    x = MaxPooling2D((2, 2))(x)
    out = Flatten()(x)

    vision_model = Model(digit_input, out)

    # 然后，定义区分数字的模型
    digit_a = Input(shape=(27, 27, 1))
    digit_b = Input(shape=(27, 27, 1))

    # 视觉模型将被共享，包括权重和其他所有
    out_a = vision_model(digit_a)
    out_b = vision_model(digit_b)

    concatenated = keras.layers.concatenate([out_a, out_b])
    out = Dense(1, activation='sigmoid')(concatenated)

    classification_model = Model([digit_a, digit_b], out)

    # 27 -> 25 -> 23 -> 11
    assert vision_model.output_shape == (None, 11 * 11 * 64)
    assert classification_model.output_shape == (None, 1)
    digits = np.random.random((2, 27, 27, 1))
    assert classification_model.predict([digits, digits]).shape == (2, 1)
    # Shared: the vision model's weights are in the model once.
    assert len(classification_model.get_weights()) == 4 + 2


@needs('conv', 'pool', 'rnn', 'wrappers')
def test_visual_and_video_question_answering():
    import keras22 as keras
    from keras22.layers import Conv2D, MaxPooling2D, Flatten
    from keras22.layers import Input, LSTM, Embedding, Dense
    from keras22.models import Model, Sequential

    # 首先，让我们用 Sequential 来定义一个视觉模型。
    # 这个模型会把一张图像编码为向量。
    vision_model = Sequential()
    vision_model.add(Conv2D(64, (3, 3), activation='relu', padding='same', input_shape=(224, 224, 3)))
    vision_model.add(Conv2D(64, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Conv2D(128, (3, 3), activation='relu', padding='same'))
    vision_model.add(Conv2D(128, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Conv2D(256, (3, 3), activation='relu', padding='same'))
    vision_model.add(Conv2D(256, (3, 3), activation='relu'))
    vision_model.add(Conv2D(256, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Flatten())

    # 现在让我们用视觉模型来得到一个输出张量：
    image_input = Input(shape=(224, 224, 3))
    encoded_image = vision_model(image_input)

    # 接下来，定义一个语言模型来将问题编码成一个向量。
    # 每个问题最长 100 个词，词的索引从 1 到 9999.
    question_input = Input(shape=(100,), dtype='int32')
    embedded_question = Embedding(input_dim=10000, output_dim=256, input_length=100)(question_input)
    encoded_question = LSTM(256)(embedded_question)

    # 连接问题向量和图像向量：
    merged = keras.layers.concatenate([encoded_question, encoded_image])

    # 然后在上面训练一个 1000 词的逻辑回归模型：
    output = Dense(1000, activation='softmax')(merged)

    # 最终模型：
    vqa_model = Model(inputs=[image_input, question_input], outputs=output)

    # 下一步就是在真实数据上训练模型。

    # 224 -> 224 -> 222 -> 111 -> 111 -> 109 -> 54 -> 54 -> 52 -> 50 -> 25
    assert vision_model.output_shape == (None, 25 * 25 * 256)
    assert keras.backend.int_shape(merged) == (None, 256 + 160000)
    assert vqa_model.output_shape == (None, 1000)

    # 视频问答模型
    from keras22.layers import TimeDistributed

    video_input = Input(shape=(100, 224, 224, 3))
    # 这是基于之前定义的视觉模型（权重被重用）构建的视频编码
    encoded_frame_sequence = TimeDistributed(vision_model)(video_input)  # 输出为向量的序列
    encoded_video = LSTM(256)(encoded_frame_sequence)  # 输出为一个向量

    # 这是问题编码器的模型级表示，重复使用与之前相同的权重：
    question_encoder = Model(inputs=question_input, outputs=encoded_question)

    # 让我们用它来编码这个问题：
    video_question_input = Input(shape=(100,), dtype='int32')
    encoded_video_question = question_encoder(video_question_input)

    # 这就是我们的视频问答模式：
    merged = keras.layers.concatenate([encoded_video, encoded_video_question])
    output = Dense(1000, activation='softmax')(merged)
    video_qa_model = Model(inputs=[video_input, video_question_input], outputs=output)

    assert keras.backend.int_shape(encoded_frame_sequence) == (
        None, 100, 160000)
    assert video_qa_model.output_shape == (None, 1000)
    # The question encoder's weights are those of the VQA model.
    assert question_encoder.layers[1] is vqa_model.layers[1] or any(
        l is question_encoder.layers[1] for l in vqa_model.layers)
